package org.linli.archive.query;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/** A half-open time range [from, to): alerts count in it by their raise time, dark periods by their overlap. */
public record Period(Instant from, Instant to) {
    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("period must end after it starts: " + from + " .. " + to);
        }
    }

    /** A calendar month in the district's time zone (Asia/Shanghai for a Chinese street office). */
    public static Period month(YearMonth month, ZoneId zone) {
        return new Period(month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }
}
