package org.linli.gateway.serial;

import org.linli.drivers.serial.modbus.ModbusModelProfile;
import org.linli.gateway.config.DeviceConfig;
import org.linli.gateway.config.SerialProtocol;
import org.linli.gateway.config.SiteCheck;
import org.linli.gateway.config.SiteConfig;

import java.io.UncheckedIOException;
import java.util.function.BiConsumer;

/**
 * Checks at load and check-config time that the profile each serial device names is found (in
 * {@code serial.profileDir} or built in) and binds strictly: a typo such as {@code scal:} or {@code scale: abc} in a
 * profile is reported with the profile file, its line and the allowed keys, before any meter is polled. A Modbus
 * model that says which device type it is must match the device's type.
 */
public final class SerialProfileCheck implements SiteCheck {
    @Override
    public void check(SiteConfig config, BiConsumer<String, String> problem) {
        SerialProfiles profiles = new SerialProfiles(config.serial().profileDir());
        for (int i = 0; i < config.devices().size(); i++) {
            DeviceConfig d = config.devices().get(i);
            if (!d.isSerial() || d.protocol() == null || d.profile() == null || d.profile().isBlank()) {
                continue; // the config validator reports these
            }
            String at = SiteCheck.devicePath(i, d) + ".profile";
            if (!profiles.exists(d.protocol(), d.profile())) {
                problem.accept(at, "unknown " + d.protocol().id() + " profile '" + d.profile() + "': not built in"
                        + (config.serial().profileDir() == null ? "" : " and no file " + config.serial().profileDir()
                        + "/" + d.protocol().id() + "/" + d.profile() + ".yaml"));
                continue;
            }
            try {
                if (d.protocol() == SerialProtocol.CJT188) {
                    profiles.cjt188(d.profile());
                } else {
                    ModbusModelProfile m = profiles.modbus(d.profile());
                    if (!m.deviceType().isEmpty() && d.type() != null && !m.deviceType().equalsIgnoreCase(d.type().id())) {
                        problem.accept(at, "model '" + d.profile() + "' is a " + m.deviceType()
                                + " but the device is a " + d.type().id());
                    }
                }
            } catch (IllegalArgumentException | UncheckedIOException e) {
                problem.accept(at, "invalid " + d.protocol().id() + " profile '" + d.profile() + "': " + e.getMessage());
            }
        }
    }
}
