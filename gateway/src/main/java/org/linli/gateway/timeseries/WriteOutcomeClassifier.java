package org.linli.gateway.timeseries;

import com.influxdb.exceptions.InfluxException;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/** Maps influxdb-client-java's exceptions (or success) onto a {@link WriteOutcome}. */
final class WriteOutcomeClassifier {
    private WriteOutcomeClassifier() {
    }

    static WriteOutcome classify(Throwable error) {
        if (!(error instanceof InfluxException ie) || ie.status() == 0) {
            // no HTTP answer at all: connection refused, timeout, DNS. The server may come back.
            return new WriteOutcome.RetryLater(0, "no answer: " + rootMessage(error), null);
        }
        int status = ie.status();
        String reason = status + " " + Optional.ofNullable(ie.getMessage()).orElse("");
        if (status == 413) {
            return new WriteOutcome.TooLarge();
        }
        if (status == 401 || status == 403) {
            // the token is wrong or revoked: keep the points, an operator has to fix it
            return new WriteOutcome.RetryLater(status, reason, null);
        }
        if (status == 429 || status >= 500) {
            return new WriteOutcome.RetryLater(status, reason, retryAfter(ie.headers()).orElse(null));
        }
        if (status >= 400) {
            return new WriteOutcome.Rejected(status, reason);
        }
        return new WriteOutcome.RetryLater(status, reason, null);
    }

    /** Retry-After as delta-seconds or an HTTP date. */
    static Optional<Duration> retryAfter(Map<String, String> headers) {
        if (headers == null) {
            return Optional.empty();
        }
        String value = headers.entrySet().stream()
                .filter(e -> "retry-after".equalsIgnoreCase(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (RuntimeException notDate) {
                return Optional.empty();
            }
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
