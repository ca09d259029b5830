package org.linli.gateway.rules;

import org.linli.drivers.model.DeviceType;
import org.linli.gateway.config.RulesOptions;
import org.linli.gateway.config.RulesOptions.GasThresholdOptions;
import org.linli.gateway.config.RulesOptions.HeartbeatOptions;
import org.linli.gateway.config.RulesOptions.WaterRuleOptions;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.Location;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the thresholds that apply to one device or household: its profile's (model's) or household's override,
 * else the site default from the {@code rules:} section, else the built-in default written here.
 */
public final class RuleThresholds {
    /** Alarm at or above, clear below; both in %LEL. */
    public record Gas(double alarmLel, double clearLel) {
    }

    private static final Gas GAS_DEFAULT = new Gas(20, 10);
    /** Expected report interval per device type; cameras are watched by their own supervisor. */
    private static final Map<DeviceType, HeartbeatOptions> HEARTBEAT_DEFAULT = Map.of(
            DeviceType.GAS_ALARM, new HeartbeatOptions(3600, 3),
            DeviceType.SMOKE_DETECTOR, new HeartbeatOptions(4 * 3600, 3),
            DeviceType.WATER_METER, new HeartbeatOptions(3600, 3),
            DeviceType.HEAT_METER, new HeartbeatOptions(3600, 3));
    private static final int MISSED_DEFAULT = 3;

    private final RulesOptions options;

    public RuleThresholds(RulesOptions options) {
        this.options = options == null ? RulesOptions.defaults() : options;
    }

    public Gas gas(Device device) {
        Gas site = merge(options.gas(), GAS_DEFAULT);
        return merge(options.gasByProfile().get(device.profile()), site);
    }

    private static Gas merge(GasThresholdOptions o, Gas base) {
        return o == null ? base : new Gas(o.alarmLel() != null ? o.alarmLel() : base.alarmLel(),
                o.clearLel() != null ? o.clearLel() : base.clearLel());
    }

    /** How long a device may stay silent before it counts as offline; empty: not watched. */
    public Optional<Duration> silenceLimit(Device device) {
        HeartbeatOptions h = options.heartbeat().get(device.profile());
        if (h == null) {
            h = options.heartbeat().get(device.type().id());
        }
        if (h == null) {
            h = HEARTBEAT_DEFAULT.get(device.type());
        }
        if (h == null) {
            return Optional.empty();
        }
        int missed = h.missed() == null ? MISSED_DEFAULT : h.missed();
        return Optional.of(Duration.ofSeconds((long) h.intervalSeconds() * missed));
    }

    /** The water thresholds at a place: its household's, if it is one and has its own, else the site's. */
    public WaterRuleOptions water(Location place) {
        // every water reading asks: the household's key (a string built anew) only where some household has its own
        return options.waterByHousehold().isEmpty() ? water((String) null) : water(place.householdKey().orElse(null));
    }

    public WaterRuleOptions water(String householdKey) {
        WaterRuleOptions site = options.water() == null ? WaterRuleOptions.DEFAULTS
                : options.water().orElse(WaterRuleOptions.DEFAULTS);
        WaterRuleOptions own = householdKey == null ? null : options.waterByHousehold().get(householdKey);
        return own == null ? site : own.orElse(site);
    }

    public Duration checkInterval() {
        return Duration.ofSeconds(options.checkIntervalSeconds());
    }
}
