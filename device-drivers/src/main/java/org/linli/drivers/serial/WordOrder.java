package org.linli.drivers.serial;

/**
 * Where the four bytes of a 32-bit value sit on the wire, named after the value's bytes A (most significant)
 * to D. Modbus devices disagree: ABCD is big-endian, CDAB swaps the two registers, BADC swaps bytes inside
 * each register, DCBA is little-endian. For a 16-bit value only the byte swap matters (AB or BA).
 */
public enum WordOrder {
    ABCD(new int[] {0, 1, 2, 3}),
    CDAB(new int[] {2, 3, 0, 1}),
    BADC(new int[] {1, 0, 3, 2}),
    DCBA(new int[] {3, 2, 1, 0});

    /** wirePosition[i] = index on the wire of value byte i (0 = A). */
    private final int[] wirePosition;

    WordOrder(int[] wirePosition) {
        this.wirePosition = wirePosition;
    }

    /** True when the two bytes inside a register are swapped (BA instead of AB). */
    public boolean swapsBytes() {
        return this == BADC || this == DCBA;
    }

    /** Reads 4 wire bytes at {@code off} into a 32-bit value. */
    public int read32(byte[] wire, int off) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (wire[off + wirePosition[i]] & 0xFF);
        }
        return v;
    }

    /** Writes a 32-bit value as 4 wire bytes at {@code off}. */
    public void write32(int value, byte[] wire, int off) {
        for (int i = 0; i < 4; i++) {
            wire[off + wirePosition[i]] = (byte) (value >>> (24 - 8 * i));
        }
    }

    /** Reads 2 wire bytes at {@code off} into an unsigned 16-bit value. */
    public int read16(byte[] wire, int off) {
        int first = wire[off] & 0xFF;
        int second = wire[off + 1] & 0xFF;
        return swapsBytes() ? (second << 8) | first : (first << 8) | second;
    }

    /** Writes the low 16 bits of {@code value} as 2 wire bytes at {@code off}. */
    public void write16(int value, byte[] wire, int off) {
        int hi = (value >> 8) & 0xFF;
        int lo = value & 0xFF;
        wire[off] = (byte) (swapsBytes() ? lo : hi);
        wire[off + 1] = (byte) (swapsBytes() ? hi : lo);
    }
}
