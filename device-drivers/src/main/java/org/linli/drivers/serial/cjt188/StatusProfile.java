package org.linli.drivers.serial.cjt188;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One vendor's meaning of the CJ/T 188 status bytes, loaded from {@code profiles/cjt188/<vendor>.yaml} by
 * {@link StatusProfiles}. {@code hasValve} says whether VALVE_OPEN is reported at all.
 */
public record StatusProfile(String vendor, String description, boolean hasValve, Map<StatusFlag, StatusBitRule> rules) {
    public StatusProfile {
        rules = Map.copyOf(rules.isEmpty() ? new EnumMap<>(StatusFlag.class) : new EnumMap<>(rules));
    }

    /** The flags that are set in these status bytes. */
    public Set<StatusFlag> flags(int status0, int status1) {
        Set<StatusFlag> set = EnumSet.noneOf(StatusFlag.class);
        rules.forEach((flag, rule) -> {
            if (rule.matches(status0, status1)) {
                set.add(flag);
            }
        });
        return set;
    }

    /** Inverse of {@link #flags}, for simulators: status bytes {ST0, ST1} that carry exactly these flags. */
    public int[] encode(Set<StatusFlag> flags) {
        int[] st = new int[2];
        for (StatusFlag f : flags) {
            StatusBitRule r = rules.get(f);
            if (r == null) {
                throw new IllegalArgumentException("vendor " + vendor + " has no status bit for " + f.id());
            }
            st[r.statusByte()] = (st[r.statusByte()] & ~r.mask()) | r.value();
        }
        return st;
    }
}
