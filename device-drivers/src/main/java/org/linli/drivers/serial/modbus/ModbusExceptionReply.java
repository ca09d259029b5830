package org.linli.drivers.serial.modbus;

import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;

/** A well-formed exception response: the slave refused the request with {@link #code()}. */
public class ModbusExceptionReply extends DecodeException {
    private final int slave;
    private final int function;
    private final int code;

    public ModbusExceptionReply(int slave, int function, int code) {
        super(DecodeFailure.ERROR_REPLY, String.format("slave %d refused function %02X: exception %02X %s", slave,
                function, code, ExceptionCode.fromCode(code) == null ? "(unknown)" : ExceptionCode.fromCode(code)));
        this.slave = slave;
        this.function = function;
        this.code = code;
    }

    public int slave() {
        return slave;
    }

    /** The function that was refused (without the 0x80 flag). */
    public int function() {
        return function;
    }

    /** The raw exception code; see {@link #exceptionCode()} for the name. */
    public int code() {
        return code;
    }

    /** The named code, or null when the slave sent a non-standard one. */
    public ExceptionCode exceptionCode() {
        return ExceptionCode.fromCode(code);
    }
}
