package org.linli.drivers.serial.cjt188;

import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;

/** A well-formed reply in which the meter says it could not do what was asked (C has 0x40 set). */
public class Cjt188ErrorReply extends DecodeException {
    private final transient Cjt188Frame frame;
    private final int status;

    public Cjt188ErrorReply(Cjt188Frame frame, int status) {
        super(DecodeFailure.ERROR_REPLY, String.format("meter %s answered control %02X with error status %s",
                frame.address(), frame.control(), status < 0 ? "(none)" : String.format("%02X", status)));
        this.frame = frame;
        this.status = status;
    }

    /** The frame as received (its data holds the status bytes). */
    public Cjt188Frame frame() {
        return frame;
    }

    /** The error/status byte (the last byte of the frame's payload), or -1 if the payload was empty. */
    public int status() {
        return status;
    }
}
