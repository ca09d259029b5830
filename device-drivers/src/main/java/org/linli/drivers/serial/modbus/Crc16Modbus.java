package org.linli.drivers.serial.modbus;

/** CRC-16/MODBUS: reflected polynomial 0xA001, initial 0xFFFF, sent low byte first after the frame. */
public final class Crc16Modbus {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc16Modbus() {
    }

    public static int compute(byte[] bytes, int off, int len) {
        int crc = 0xFFFF;
        for (int i = off; i < off + len; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]) & 0xFF];
        }
        return crc;
    }

    /** {@code body} followed by its CRC, low byte first. */
    public static byte[] append(byte[] body) {
        byte[] out = java.util.Arrays.copyOf(body, body.length + 2);
        int crc = compute(body, 0, body.length);
        out[body.length] = (byte) crc;
        out[body.length + 1] = (byte) (crc >>> 8);
        return out;
    }

    /** True when the last two bytes of {@code frame[0..len)} are the CRC of the bytes before them. */
    public static boolean matches(byte[] frame, int len) {
        if (len < 3) {
            return false;
        }
        int crc = compute(frame, 0, len - 2);
        return (frame[len - 2] & 0xFF) == (crc & 0xFF) && (frame[len - 1] & 0xFF) == (crc >>> 8);
    }
}
