package org.linli.drivers.serial.modbus;

import java.util.Optional;
import org.linli.drivers.model.DecodeException;

/** The slave side for simulators: answers read requests from a {@link RegisterImage}, as a real device would. */
public final class ModbusSlave {
    private final int address;
    private final RegisterImage image;

    public ModbusSlave(int address, RegisterImage image) {
        this.address = address;
        this.image = image;
    }

    /**
     * The reply to a request frame, or empty when a real slave stays silent: a bad CRC, a malformed frame or a
     * request for another slave. Unsupported functions, bad counts and unknown registers get exceptions.
     */
    public Optional<byte[]> respond(byte[] requestFrame) {
        ReadRequest.RawRequest req;
        try {
            req = ReadRequest.decode(requestFrame);
        } catch (DecodeException silent) {
            return Optional.empty();
        }
        if (req.slave() != address) {
            return Optional.empty();
        }
        if (req.function() != ReadRequest.READ_HOLDING_REGISTERS && req.function() != ReadRequest.READ_INPUT_REGISTERS
                || !image.supports(req.function())) {
            return Optional.of(exceptionReply(address, req.function(), ExceptionCode.ILLEGAL_FUNCTION));
        }
        if (req.count() < 1 || req.count() > ReadRequest.MAX_COUNT) {
            return Optional.of(exceptionReply(address, req.function(), ExceptionCode.ILLEGAL_DATA_VALUE));
        }
        int[] regs = image.read(req.function(), req.start(), req.count());
        if (regs == null) {
            return Optional.of(exceptionReply(address, req.function(), ExceptionCode.ILLEGAL_DATA_ADDRESS));
        }
        return Optional.of(readReply(address, req.function(), regs));
    }

    /** {@code slave fn byteCount data.. crc}. */
    public static byte[] readReply(int slave, int function, int[] registers) {
        byte[] body = new byte[3 + 2 * registers.length];
        body[0] = (byte) slave;
        body[1] = (byte) function;
        body[2] = (byte) (2 * registers.length);
        for (int i = 0; i < registers.length; i++) {
            body[3 + 2 * i] = (byte) (registers[i] >> 8);
            body[4 + 2 * i] = (byte) registers[i];
        }
        return Crc16Modbus.append(body);
    }

    /** {@code slave (fn | 0x80) code crc}. */
    public static byte[] exceptionReply(int slave, int function, ExceptionCode code) {
        return Crc16Modbus.append(new byte[] {(byte) slave, (byte) (function | 0x80), (byte) code.code()});
    }
}
