package org.linli.sim.demo;

import org.linli.drivers.model.DeviceType;
import org.linli.drivers.mqtt.VendorProfile;
import org.linli.drivers.mqtt.VendorProfiles;
import org.linli.sim.compound.CompoundSpec;

import java.util.List;

/** Picks the built-in vendor profiles of each device type, so a simulated compound uses every vendor format. */
public final class ProfileChoice {
    private ProfileChoice() {
    }

    public static List<String> of(VendorProfiles profiles, DeviceType type) {
        List<String> names = profiles.all().stream().filter(p -> p.deviceType() == type).map(VendorProfile::name).sorted().toList();
        if (names.isEmpty()) {
            throw new IllegalStateException("no built-in vendor profile for " + type.id());
        }
        return names;
    }

    public static CompoundSpec demoSpec(VendorProfiles profiles) {
        return CompoundSpec.demo(of(profiles, DeviceType.GAS_ALARM), of(profiles, DeviceType.SMOKE_DETECTOR),
                of(profiles, DeviceType.WATER_METER));
    }
}
