package org.linli.drivers.serial.cjt188;

/**
 * Where one flag sits in the two status bytes: set when {@code (ST[statusByte] & mask) == value}. A mask with
 * a value covers multi-bit fields such as the standard valve state (D1D0: 00 open, 01 closed, 11 abnormal).
 */
public record StatusBitRule(int statusByte, int mask, int value) {
    public StatusBitRule {
        if (statusByte != 0 && statusByte != 1) {
            throw new IllegalArgumentException("status byte must be 0 or 1, got " + statusByte);
        }
        if (mask <= 0 || mask > 0xFF) {
            throw new IllegalArgumentException("mask must be 0x01..0xFF, got " + mask);
        }
        if ((value & ~mask) != 0) {
            throw new IllegalArgumentException(String.format("value %02X has bits outside mask %02X", value, mask));
        }
    }

    public boolean matches(int status0, int status1) {
        int st = statusByte == 0 ? status0 : status1;
        return (st & mask) == value;
    }
}
