package org.linli.drivers.serial.modbus;

import java.util.HashMap;
import java.util.Map;

/** The registers a simulated slave holds, per function (03 holding, 04 input). Not thread-safe. */
public final class RegisterImage {
    private final Map<Integer, Map<Integer, Integer>> byFunction = new HashMap<>();

    public RegisterImage set(int function, int address, int value) {
        byFunction.computeIfAbsent(function, f -> new HashMap<>()).put(address, value & 0xFFFF);
        return this;
    }

    public RegisterImage set(int function, int address, int[] values) {
        for (int i = 0; i < values.length; i++) {
            set(function, address + i, values[i]);
        }
        return this;
    }

    public boolean supports(int function) {
        return byFunction.containsKey(function);
    }

    /** The registers, or null when any of them is not defined (the slave answers ILLEGAL_DATA_ADDRESS). */
    public int[] read(int function, int start, int count) {
        Map<Integer, Integer> regs = byFunction.getOrDefault(function, Map.of());
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            Integer v = regs.get(start + i);
            if (v == null) {
                return null;
            }
            out[i] = v;
        }
        return out;
    }
}
