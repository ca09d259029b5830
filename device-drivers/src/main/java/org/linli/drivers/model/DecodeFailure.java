package org.linli.drivers.model;

/**
 * Why an input was rejected. One enum for every transport so that counters and dead letters share one
 * vocabulary ({@code decode_failures_total{reason=...}}). The id is the metric label and the dead-letter reason.
 */
public enum DecodeFailure {
    // payload content (MQTT JSON)
    MALFORMED_JSON,
    WRONG_TYPE,
    MISSING_FIELD,
    OUT_OF_RANGE,
    UNKNOWN_CODE,
    PAYLOAD_TOO_LARGE,
    // routing
    UNKNOWN_DEVICE,
    NO_DEVICE_ID,
    DEVICE_ID_MISMATCH,
    UNKNOWN_PROFILE,
    // serial frames (CJ/T 188, Modbus RTU)
    BAD_START_BYTE,
    BAD_END_BYTE,
    BAD_CHECKSUM,
    BAD_LENGTH,
    TRUNCATED_FRAME,
    BAD_BCD,
    WRONG_ADDRESS,
    UNEXPECTED_FUNCTION,
    ERROR_REPLY,
    NO_REPLY,
    // XML (ONVIF)
    MALFORMED_XML,
    HOSTILE_XML;

    /** Lower-case id used as a metric label. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
