package org.linli.drivers.serial.modbus;

/** Consecutive 16-bit registers read from {@code start}. Values are 0..65535. */
public record RegisterBlock(int start, int[] registers) {
    public RegisterBlock {
        registers = registers.clone();
    }

    @Override
    public int[] registers() {
        return registers.clone();
    }

    public boolean covers(int address, int words) {
        return address >= start && address + words <= start + registers.length;
    }

    public int get(int address) {
        return registers[address - start];
    }

    /** {@code words} registers from {@code address} as they were on the wire (each register high byte first). */
    public byte[] wireBytes(int address, int words) {
        byte[] out = new byte[2 * words];
        for (int i = 0; i < words; i++) {
            int v = get(address + i);
            out[2 * i] = (byte) (v >> 8);
            out[2 * i + 1] = (byte) v;
        }
        return out;
    }
}
