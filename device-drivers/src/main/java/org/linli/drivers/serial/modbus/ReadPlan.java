package org.linli.drivers.serial.modbus;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups a model's points into the fewest contiguous reads: points are taken in address order and join the
 * current read while the hole before them is at most {@code maxGap} registers and the read stays within 125
 * registers. A model with adjacent registers is read in one request.
 */
public final class ReadPlan {
    private ReadPlan() {
    }

    public static List<ReadRequest> of(ModbusModelProfile profile, int slave) {
        List<ReadRequest> plan = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (ModbusPoint p : profile.points()) {
            boolean joins = start >= 0 && p.address() - end <= profile.maxGap()
                    && p.end() - start <= ReadRequest.MAX_COUNT;
            if (!joins) {
                if (start >= 0) {
                    plan.add(new ReadRequest(slave, profile.function(), start, end - start));
                }
                start = p.address();
            }
            end = Math.max(end, p.end());
        }
        plan.add(new ReadRequest(slave, profile.function(), start, end - start));
        return plan;
    }
}
