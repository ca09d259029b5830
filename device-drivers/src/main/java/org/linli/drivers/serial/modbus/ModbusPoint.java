package org.linli.drivers.serial.modbus;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.serial.WordOrder;

/**
 * One data point of a device model: where it is, how it is encoded, and what it means. A point is either a
 * measured value ({@code quantity}, value = raw * scale + offset) or a state register whose
 * {@code values} (whole value → event) or {@code bits} (bit number → event) raise events.
 */
public record ModbusPoint(String name, int address, DataType type, WordOrder order, double scale, double offset,
                          Quantity quantity, Map<Integer, EventSpec> values, SortedMap<Integer, EventSpec> bits) {
    public ModbusPoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(order, "order");
        values = Map.copyOf(values);
        bits = new TreeMap<>(bits);
        if (address < 0 || address + type.words() > 0x10000) {
            throw new IllegalArgumentException("register address out of 0..65535: " + address);
        }
        int kinds = (quantity != null ? 1 : 0) + (values.isEmpty() ? 0 : 1) + (bits.isEmpty() ? 0 : 1);
        if (kinds != 1) {
            throw new IllegalArgumentException("a point needs exactly one of quantity, values or bits");
        }
        if (scale == 0 || Double.isNaN(scale)) {
            throw new IllegalArgumentException("scale must be a non-zero number");
        }
        for (int bit : bits.keySet()) {
            if (bit < 0 || bit >= 16 * type.words()) {
                throw new IllegalArgumentException("bit " + bit + " is outside a " + type + " register");
            }
        }
    }

    /** One past the last register of this point. */
    public int end() {
        return address + type.words();
    }
}
