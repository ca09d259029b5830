package org.linli.gateway.timeseries;

import java.time.Duration;

/**
 * What the server's answer to one batch means for that batch (FIELD-NOTES §2). The writer never decides by
 * string matching: the outcome type alone says whether the batch leaves the buffer.
 */
public sealed interface WriteOutcome {
    /** 2xx: the batch is stored; drop it from the buffer. */
    record Accepted() implements WriteOutcome {
    }

    /** 400/422 and other 4xx: the server will never take these points; count them, dead-letter them, move on. */
    record Rejected(int status, String reason) implements WriteOutcome {
    }

    /** 413: the batch is too large; split it in half and send the halves. */
    record TooLarge() implements WriteOutcome {
    }

    /**
     * 401/403, 429, 5xx, network errors: keep the batch and try again after {@code delay}. {@code serverDelay} is the
     * server's Retry-After when it sent one.
     */
    record RetryLater(int status, String reason, Duration serverDelay) implements WriteOutcome {
    }
}
