package org.linli.drivers.serial.cjt188;

import java.util.Set;

/**
 * Data identifiers (DI). The standard sends DI low byte first ({@code 1F 90} for 0x901F); some vendors send
 * it high byte first. {@link #normalise} picks the order that names a known DI.
 */
public final class DataId {
    /** Current cumulative flow / meter data (901F). */
    public static final int CURRENT_FLOW = 0x901F;
    /** Read address (810A), sent with C = 03. */
    public static final int READ_ADDRESS = 0x810A;
    /** Valve control (A017), sent as write data with C = 04; data 55 = open, 99 = close. */
    public static final int VALVE_CONTROL = 0xA017;

    public static final int VALVE_OPEN_BYTE = 0x55;
    public static final int VALVE_CLOSE_BYTE = 0x99;

    private static final Set<Integer> KNOWN = Set.of(CURRENT_FLOW, READ_ADDRESS, VALVE_CONTROL);

    private DataId() {
    }

    /** The DI from its two wire bytes: low-first unless only the high-first reading is a known DI. */
    public static int normalise(int first, int second) {
        int lowFirst = (second << 8) | first;
        int highFirst = (first << 8) | second;
        return !KNOWN.contains(lowFirst) && KNOWN.contains(highFirst) ? highFirst : lowFirst;
    }

    /** True when the two wire bytes were sent high byte first. */
    public static boolean isSwapped(int first, int second) {
        return normalise(first, second) != ((second << 8) | first);
    }
}
