package org.linli.drivers.model;

/** An input that cannot be turned into readings or events, with the counted reason and a human message. */
public class DecodeException extends Exception {
    private final DecodeFailure reason;

    public DecodeException(DecodeFailure reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DecodeException(DecodeFailure reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public DecodeFailure reason() {
        return reason;
    }
}
