package org.linli.gateway.notify;

import java.time.Duration;

/**
 * What one attempt came to, typed so the dispatcher decides without reading messages (STYLE: a small error
 * vocabulary). {@code httpStatus} 0 means no HTTP answer (timeout, refused); {@code errcode} is the robot's, if any.
 */
record DeliveryResult(Outcome outcome, int httpStatus, Integer errcode, String message, Duration pause) {

    enum Outcome {
        /** HTTP 200 and errcode 0 (robots), 2xx (webhook), published (MQTT). */
        DELIVERED,
        /** A transient failure (5xx, timeout, connection refused): try again after a back-off. */
        RETRY,
        /** The receiver says slow down (errcode 130101, 45009, HTTP 429): pause the channel for {@code pause}. */
        THROTTLED,
        /** The receiver refuses this request for good (bad key, bad signature, 4xx): retrying cannot help. */
        REJECTED
    }

    static DeliveryResult delivered(int status) {
        return new DeliveryResult(Outcome.DELIVERED, status, null, "ok", null);
    }

    static DeliveryResult retry(int status, Integer errcode, String message) {
        return new DeliveryResult(Outcome.RETRY, status, errcode, message, null);
    }

    static DeliveryResult throttled(int status, Integer errcode, String message, Duration pause) {
        return new DeliveryResult(Outcome.THROTTLED, status, errcode, message, pause);
    }

    static DeliveryResult rejected(int status, Integer errcode, String message) {
        return new DeliveryResult(Outcome.REJECTED, status, errcode, message, null);
    }
}
