package org.linli.drivers.serial.link;

import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.model.Decoded;

/**
 * What one poll of one device gave: its decoded readings and events, or why not ({@code reason}, a message for the
 * log and the raw bytes for the dead letter; {@code raw} is empty for NO_REPLY).
 */
public record PollOutcome(Decoded decoded, DecodeFailure reason, String message, byte[] raw) {
    public static PollOutcome answered(Decoded decoded) {
        return new PollOutcome(decoded, null, null, new byte[0]);
    }

    public static PollOutcome failed(DecodeFailure reason, String message, byte[] raw) {
        return new PollOutcome(null, reason, message, raw);
    }

    public static PollOutcome noReply(String what) {
        return failed(DecodeFailure.NO_REPLY, "no reply from " + what, new byte[0]);
    }

    public boolean ok() {
        return reason == null;
    }
}
