package org.linli.drivers.serial.modbus;

/** Modbus exception codes a slave answers with (function | 0x80, code). */
public enum ExceptionCode {
    ILLEGAL_FUNCTION(0x01),
    ILLEGAL_DATA_ADDRESS(0x02),
    ILLEGAL_DATA_VALUE(0x03),
    SLAVE_DEVICE_FAILURE(0x04),
    ACKNOWLEDGE(0x05),
    SLAVE_DEVICE_BUSY(0x06),
    MEMORY_PARITY_ERROR(0x08),
    GATEWAY_PATH_UNAVAILABLE(0x0A),
    GATEWAY_TARGET_FAILED_TO_RESPOND(0x0B);

    private final int code;

    ExceptionCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The named code, or null for a code outside the standard table. */
    public static ExceptionCode fromCode(int code) {
        for (ExceptionCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
