package org.linli.archive.query;

import java.util.Objects;

/**
 * What {@link AlertSearch} looks for: a scope, a period of raise times, optionally one alert type, and the page
 * ({@code offset} rows skipped, at most {@code limit} returned, newest first).
 */
public record AlertFilter(ArchiveScope scope, Period period, String type, int offset, int limit) {
    public static final int MAX_LIMIT = 1000;

    public AlertFilter {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("page must have offset >= 0 and 1 <= limit <= " + MAX_LIMIT);
        }
    }

    public static AlertFilter of(ArchiveScope scope, Period period) {
        return new AlertFilter(scope, period, null, 0, 100);
    }

    public AlertFilter withType(String alertType) {
        return new AlertFilter(scope, period, alertType, offset, limit);
    }

    public AlertFilter page(int newOffset, int newLimit) {
        return new AlertFilter(scope, period, type, newOffset, newLimit);
    }
}
