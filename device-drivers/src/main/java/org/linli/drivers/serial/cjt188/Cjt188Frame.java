package org.linli.drivers.serial.cjt188;

import java.util.Arrays;
import java.util.Objects;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.serial.Hex;

/**
 * One CJ/T 188 frame without preamble, start, length, checksum and end byte: the fields the bus poller and a
 * simulator work with. {@code dataId} is normalised (0x901F whichever order it came in); {@code dataIdSwapped}
 * records that the wire had it high byte first so that a simulator can reproduce such a vendor.
 */
public record Cjt188Frame(int meterType, MeterAddress address, int control, int dataId, boolean dataIdSwapped,
                          int ser, byte[] data) {
    public Cjt188Frame {
        Objects.requireNonNull(address, "address");
        data = data.clone();
        if (data.length > Cjt188Codec.MAX_LENGTH - 3) {
            throw new IllegalArgumentException("data too long for one frame: " + data.length);
        }
    }

    /** A frame in the standard DI byte order. */
    public Cjt188Frame(int meterType, MeterAddress address, int control, int dataId, int ser, byte[] data) {
        this(meterType, address, control, dataId, false, ser, data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * Checks that this reply answers {@code request}: same meter (unless the request was broadcast), control
     * = request | 0x80, same DI. Error replies are rejected by the codec before this point.
     */
    public void checkAnswers(Cjt188Frame request) throws DecodeException {
        if (!request.address().isBroadcast() && !address.equals(request.address())) {
            throw new DecodeException(DecodeFailure.WRONG_ADDRESS,
                    "reply from meter " + address + " to a request for " + request.address());
        }
        if (control != (request.control() | Cjt188Control.REPLY)) {
            throw new DecodeException(DecodeFailure.UNEXPECTED_FUNCTION, String.format(
                    "reply control %02X does not answer request control %02X", control, request.control()));
        }
        if (dataId != request.dataId()) {
            throw new DecodeException(DecodeFailure.UNEXPECTED_FUNCTION, String.format(
                    "reply DI %04X does not answer request DI %04X", dataId, request.dataId()));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cjt188Frame f && meterType == f.meterType && control == f.control
                && dataId == f.dataId && dataIdSwapped == f.dataIdSwapped && ser == f.ser
                && address.equals(f.address) && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(meterType, address, control, dataId, dataIdSwapped, ser, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return String.format("Cjt188Frame[T=%02X A=%s C=%02X DI=%04X%s SER=%02X data=%s]", meterType, address,
                control, dataId, dataIdSwapped ? " (swapped)" : "", ser, Hex.format(data));
    }
}
