package org.linli.drivers.serial.modbus;

import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;

/** A read of {@code count} registers from {@code start} with function 03 (holding) or 04 (input). */
public record ReadRequest(int slave, int function, int start, int count) {
    public static final int READ_HOLDING_REGISTERS = 0x03;
    public static final int READ_INPUT_REGISTERS = 0x04;
    /** The most registers one read may ask for (the reply's byte count must fit in one byte). */
    public static final int MAX_COUNT = 125;
    public static final int FRAME_LENGTH = 8;

    public ReadRequest {
        if (slave < 1 || slave > 247) {
            throw new IllegalArgumentException("slave address must be 1..247, got " + slave);
        }
        if (function != READ_HOLDING_REGISTERS && function != READ_INPUT_REGISTERS) {
            throw new IllegalArgumentException("only functions 03 and 04 read registers, got " + function);
        }
        if (start < 0 || start > 0xFFFF) {
            throw new IllegalArgumentException("start register must be 0..65535, got " + start);
        }
        if (count < 1 || count > MAX_COUNT || start + count > 0x10000) {
            throw new IllegalArgumentException("register count must be 1..125 within 0..65535, got " + count);
        }
    }

    /** {@code slave fn startHi startLo countHi countLo crcLo crcHi}. */
    public byte[] encode() {
        return Crc16Modbus.append(new byte[] {(byte) slave, (byte) function, (byte) (start >> 8), (byte) start,
                (byte) (count >> 8), (byte) count});
    }

    /** Bytes in a normal reply: slave, function, byte count, 2 per register, CRC. */
    public int expectedReplyLength() {
        return 5 + 2 * count;
    }

    /**
     * Slave side: reads an 8-byte request frame. Values outside the Modbus limits (count 0 or above 125) are
     * left to {@link ModbusSlave}, which answers them with an exception, so they are not rejected here.
     */
    public static RawRequest decode(byte[] frame) throws DecodeException {
        if (frame.length < FRAME_LENGTH) {
            throw new DecodeException(DecodeFailure.TRUNCATED_FRAME, "a read request is 8 bytes, got " + frame.length);
        }
        if (frame.length > FRAME_LENGTH) {
            throw new DecodeException(DecodeFailure.BAD_LENGTH, "a read request is 8 bytes, got " + frame.length);
        }
        if (!Crc16Modbus.matches(frame, frame.length)) {
            throw new DecodeException(DecodeFailure.BAD_CHECKSUM, "request CRC mismatch");
        }
        return new RawRequest(frame[0] & 0xFF, frame[1] & 0xFF, ((frame[2] & 0xFF) << 8) | (frame[3] & 0xFF),
                ((frame[4] & 0xFF) << 8) | (frame[5] & 0xFF));
    }

    /** A request as received by a slave, before its values are validated. */
    public record RawRequest(int slave, int function, int start, int count) {
    }
}
