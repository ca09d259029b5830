package org.linli.gateway.notify;

import java.time.Duration;

/**
 * Timing that is fixed in production but shortened in tests: the rate window ({@code ratePerMinute} applies per
 * window, a minute in production) and the retry back-off (from {@code retryInitial} doubling to {@code retryMax}).
 */
public record NotifyTiming(Duration rateWindow, Duration retryInitial, Duration retryMax) {
    public static NotifyTiming standard() {
        return new NotifyTiming(Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ofMinutes(1));
    }
}
