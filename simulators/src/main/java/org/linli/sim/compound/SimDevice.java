package org.linli.sim.compound;

import org.linli.drivers.model.DeviceType;
import org.linli.drivers.mqtt.VendorProfile;

import java.util.Random;

/** One simulated device's state between reports. Mutated only by the simulator's thread. */
final class SimDevice {
    final String id;
    final String household;
    final VendorProfile profile;
    final Random random;
    double gasLel;
    double smoke;
    double batteryPct;
    double waterTotal;
    int reports;
    volatile boolean silent;
    volatile boolean leaking;
    volatile boolean burning;

    SimDevice(String id, String household, VendorProfile profile, long seed) {
        this.id = id;
        this.household = household;
        this.profile = profile;
        this.random = new Random(seed);
        this.batteryPct = 70 + random.nextInt(30);
        this.waterTotal = 20 + random.nextInt(800) + random.nextInt(100) / 100.0;
    }

    DeviceType type() {
        return profile.deviceType();
    }
}
