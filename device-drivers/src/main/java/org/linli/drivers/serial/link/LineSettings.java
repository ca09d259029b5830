package org.linli.drivers.serial.link;

import java.util.Locale;

/**
 * Speed and framing of a serial line: 9600 8N1 for most Modbus devices, 2400 8E1 for many CJ/T 188 meters.
 * Parity is "none", "even" or "odd"; stop bits 1 or 2.
 */
public record LineSettings(int baud, int dataBits, String parity, int stopBits) {
    public LineSettings {
        parity = parity == null ? "none" : parity.toLowerCase(Locale.ROOT);
        if (baud < 300 || baud > 921_600) {
            throw new IllegalArgumentException("baud must be 300..921600, got " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("dataBits must be 5..8, got " + dataBits);
        }
        if (!parity.equals("none") && !parity.equals("even") && !parity.equals("odd")) {
            throw new IllegalArgumentException("parity must be none, even or odd, got '" + parity + "'");
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stopBits must be 1 or 2, got " + stopBits);
        }
    }

    @Override
    public String toString() {
        return baud + " " + dataBits + Character.toUpperCase(parity.charAt(0)) + stopBits;
    }
}
