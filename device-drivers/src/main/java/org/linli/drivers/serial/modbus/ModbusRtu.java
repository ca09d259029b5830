package org.linli.drivers.serial.modbus;

import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;

/**
 * The master side of Modbus RTU register reads: how long a reply will be, and checking and decoding it.
 *
 * <p>We frame RTU ourselves instead of using jlibmodbus: its master closes the serial port after every
 * timeout, it drags optional serial back-ends (rxtx, purejavacomm, jSerialComm, androidthings) that break the
 * build unless excluded, and its generic exceptions do not tell us why a frame failed, while we count decode
 * failures by reason. Read framing is small and can be tested exhaustively.
 *
 * <p>Checks run in this order so each bad reply is counted once: length (TRUNCATED_FRAME / BAD_LENGTH, from
 * the function and byte count on the wire), CRC (BAD_CHECKSUM), slave (WRONG_ADDRESS), exception
 * (ERROR_REPLY), function (UNEXPECTED_FUNCTION), byte count against the request (BAD_LENGTH).
 */
public final class ModbusRtu {
    /** slave + (function | 0x80) + code + CRC. */
    public static final int EXCEPTION_LENGTH = 5;

    private ModbusRtu() {
    }

    /**
     * How many bytes the reply to {@code request} has, given the first {@code len} bytes received: 5 once the
     * function byte shows an exception, 5 + the byte count once that has arrived, else the normal length.
     * The poller reads until it has this many bytes or its timeout expires.
     */
    public static int expectedReplyLength(ReadRequest request, byte[] received, int len) {
        if (len >= 2 && (received[1] & 0x80) != 0) {
            return EXCEPTION_LENGTH;
        }
        if (len >= 3 && (received[1] & 0xFF) == request.function()) {
            return 5 + (received[2] & 0xFF);
        }
        return request.expectedReplyLength();
    }

    /** Checks a complete reply frame against its request and returns the registers read. */
    public static RegisterBlock parseReadReply(ReadRequest request, byte[] frame) throws DecodeException {
        int len = frame.length;
        if (len < EXCEPTION_LENGTH) {
            throw new DecodeException(DecodeFailure.TRUNCATED_FRAME, "reply of " + len + " bytes is too short");
        }
        int slave = frame[0] & 0xFF;
        int function = frame[1] & 0xFF;
        boolean exception = (function & 0x80) != 0;
        int expected = exception ? EXCEPTION_LENGTH
                : function == request.function() ? 5 + (frame[2] & 0xFF) : len;
        if (len < expected) {
            throw new DecodeException(DecodeFailure.TRUNCATED_FRAME,
                    "reply has " + len + " bytes, its header announces " + expected);
        }
        if (len > expected) {
            throw new DecodeException(DecodeFailure.BAD_LENGTH,
                    "reply has " + len + " bytes, its header announces " + expected);
        }
        if (!Crc16Modbus.matches(frame, len)) {
            throw new DecodeException(DecodeFailure.BAD_CHECKSUM, "reply CRC mismatch");
        }
        if (slave != request.slave()) {
            throw new DecodeException(DecodeFailure.WRONG_ADDRESS,
                    "reply from slave " + slave + " to a request for slave " + request.slave());
        }
        if (exception && (function & 0x7F) == request.function()) {
            throw new ModbusExceptionReply(slave, function & 0x7F, frame[2] & 0xFF);
        }
        if (function != request.function()) {
            throw new DecodeException(DecodeFailure.UNEXPECTED_FUNCTION,
                    String.format("reply function %02X to a request with function %02X", function, request.function()));
        }
        int byteCount = frame[2] & 0xFF;
        if (byteCount != 2 * request.count()) {
            throw new DecodeException(DecodeFailure.BAD_LENGTH,
                    "reply carries " + byteCount + " bytes for " + request.count() + " registers");
        }
        int[] registers = new int[request.count()];
        for (int i = 0; i < registers.length; i++) {
            registers[i] = ((frame[3 + 2 * i] & 0xFF) << 8) | (frame[4 + 2 * i] & 0xFF);
        }
        return new RegisterBlock(request.start(), registers);
    }
}
