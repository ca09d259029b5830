package org.linli.drivers.onvif;

import org.linli.drivers.model.DecodeException;

/** A failed ONVIF call with a kind that decides what the caller does next, instead of matching on messages. */
public class OnvifException extends Exception {
    private final OnvifErrorKind kind;

    public OnvifException(OnvifErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public OnvifException(OnvifErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** A response body that could not be parsed safely; the DecodeException (MALFORMED_XML / HOSTILE_XML) is the cause. */
    public static OnvifException badResponse(String what, DecodeException cause) {
        return new OnvifException(OnvifErrorKind.BAD_RESPONSE, what + ": " + cause.getMessage(), cause);
    }

    public OnvifErrorKind kind() {
        return kind;
    }

    /** The DecodeException behind a BAD_RESPONSE, for decode-failure counters; null otherwise. */
    public DecodeException decodeFailure() {
        return getCause() instanceof DecodeException d ? d : null;
    }

    @Override
    public String toString() {
        return "OnvifException[" + kind + "]: " + getMessage();
    }
}
