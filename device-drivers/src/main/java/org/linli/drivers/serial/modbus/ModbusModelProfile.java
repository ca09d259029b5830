package org.linli.drivers.serial.modbus;

import java.util.Comparator;
import java.util.List;

/**
 * One device model's register map, loaded from {@code profiles/modbus/<model>.yaml} by
 * {@link ModbusModelProfiles}. {@code maxGap} is how many unused registers a single read may span to join two
 * groups of points (0 = only exactly adjacent points share a read; some devices answer ILLEGAL_DATA_ADDRESS
 * for holes in their map).
 */
public record ModbusModelProfile(String model, String description, String deviceType, int function, int maxGap,
                                 List<ModbusPoint> points) {
    public ModbusModelProfile {
        if (function != ReadRequest.READ_HOLDING_REGISTERS && function != ReadRequest.READ_INPUT_REGISTERS) {
            throw new IllegalArgumentException("function must be 3 or 4, got " + function);
        }
        if (maxGap < 0) {
            throw new IllegalArgumentException("maxGap must be >= 0");
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one point");
        }
        points = points.stream().sorted(Comparator.comparingInt(ModbusPoint::address)).toList();
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).address() < points.get(i - 1).end()) {
                throw new IllegalArgumentException("points '" + points.get(i - 1).name() + "' and '"
                        + points.get(i).name() + "' overlap");
            }
        }
    }

    /** The reads that cover every point for one slave; see {@link ReadPlan}. */
    public List<ReadRequest> readPlan(int slave) {
        return ReadPlan.of(this, slave);
    }
}
