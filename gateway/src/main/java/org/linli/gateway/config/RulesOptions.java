package org.linli.gateway.config;

import java.util.List;
import java.util.Map;

/**
 * The {@code rules:} section (docs/ALERTS.md): thresholds of the alert rules as data, with per-profile (device model)
 * and per-household overrides, and the escalation deadlines. Every field is optional; absent means the default.
 * <ul>
 *   <li>{@code gas}: default gas concentration thresholds; {@code gasByProfile}: per vendor profile.</li>
 *   <li>{@code heartbeat}: keyed by device type ({@code gas_alarm}) or profile name (the profile wins).</li>
 *   <li>{@code water}: default water rules; {@code waterByHousehold}: per household key ({@code 3-2-501}).</li>
 *   <li>{@code checkIntervalSeconds}: how often the periodic rules (heartbeat, inactivity) run (default 60).</li>
 *   <li>{@code vulnerableCareFlags}: the care flags that make a gas or fire alarm in a household CRITICAL_VULNERABLE
 *   (default {@link #DEFAULT_VULNERABLE_CARE_FLAGS}); checked against the known flags by the site package.</li>
 * </ul>
 */
public record RulesOptions(
        GasThresholdOptions gas,
        Map<String, GasThresholdOptions> gasByProfile,
        Map<String, HeartbeatOptions> heartbeat,
        WaterRuleOptions water,
        Map<String, WaterRuleOptions> waterByHousehold,
        EscalationOptions escalation,
        Integer checkIntervalSeconds,
        List<String> vulnerableCareFlags) {
    /** Nobody in the flat may answer the phone or get out alone: elderly living alone, bedridden, disabled. */
    public static final List<String> DEFAULT_VULNERABLE_CARE_FLAGS = List.of("elderly_living_alone", "bedridden",
            "disabled");

    public RulesOptions {
        gasByProfile = gasByProfile == null ? Map.of() : Map.copyOf(gasByProfile);
        heartbeat = heartbeat == null ? Map.of() : Map.copyOf(heartbeat);
        waterByHousehold = waterByHousehold == null ? Map.of() : Map.copyOf(waterByHousehold);
        checkIntervalSeconds = checkIntervalSeconds == null ? 60 : checkIntervalSeconds;
        vulnerableCareFlags = vulnerableCareFlags == null ? DEFAULT_VULNERABLE_CARE_FLAGS
                : List.copyOf(vulnerableCareFlags);
    }

    /** The options without {@code vulnerableCareFlags} (the default flags). */
    public RulesOptions(GasThresholdOptions gas, Map<String, GasThresholdOptions> gasByProfile,
                        Map<String, HeartbeatOptions> heartbeat, WaterRuleOptions water,
                        Map<String, WaterRuleOptions> waterByHousehold, EscalationOptions escalation,
                        Integer checkIntervalSeconds) {
        this(gas, gasByProfile, heartbeat, water, waterByHousehold, escalation, checkIntervalSeconds, null);
    }

    public static RulesOptions defaults() {
        return new RulesOptions(null, null, null, null, null, null, null);
    }

    public RulesOptions withGas(GasThresholdOptions g) {
        return new RulesOptions(g, gasByProfile, heartbeat, water, waterByHousehold, escalation, checkIntervalSeconds,
                vulnerableCareFlags);
    }

    public RulesOptions withHeartbeat(Map<String, HeartbeatOptions> h) {
        return new RulesOptions(gas, gasByProfile, h, water, waterByHousehold, escalation, checkIntervalSeconds,
                vulnerableCareFlags);
    }

    public RulesOptions withWater(WaterRuleOptions w) {
        return new RulesOptions(gas, gasByProfile, heartbeat, w, waterByHousehold, escalation, checkIntervalSeconds,
                vulnerableCareFlags);
    }

    public RulesOptions withEscalation(EscalationOptions e) {
        return new RulesOptions(gas, gasByProfile, heartbeat, water, waterByHousehold, e, checkIntervalSeconds,
                vulnerableCareFlags);
    }

    public RulesOptions withCheckIntervalSeconds(int seconds) {
        return new RulesOptions(gas, gasByProfile, heartbeat, water, waterByHousehold, escalation, seconds,
                vulnerableCareFlags);
    }

    public RulesOptions withVulnerableCareFlags(List<String> flags) {
        return new RulesOptions(gas, gasByProfile, heartbeat, water, waterByHousehold, escalation, checkIntervalSeconds,
                flags);
    }

    /** Gas alarm at or above {@code alarmLel} %LEL, clear below {@code clearLel} (hysteresis: clear &lt; alarm). */
    public record GasThresholdOptions(Double alarmLel, Double clearLel) {
    }

    /** A device is offline after {@code intervalSeconds} × {@code missed} without any message. */
    public record HeartbeatOptions(Integer intervalSeconds, Integer missed) {
    }

    /**
     * Water rules: {@code dailyLimitM3} (abnormal 24 h total), {@code slotUseM3} (use that marks a 30-minute slot as
     * used, for the continuous-flow rule), {@code inactivityM3} with {@code inactivityWarnHours} and
     * {@code inactivityAlarmHours} (elderly living alone). Null fields fall back to the defaults.
     */
    public record WaterRuleOptions(Double dailyLimitM3, Double slotUseM3, Double inactivityM3, Integer inactivityWarnHours,
                                   Integer inactivityAlarmHours) {
        public static final WaterRuleOptions DEFAULTS = new WaterRuleOptions(2.0, 0.001, 0.01, 12, 24);

        /** This override with every missing field taken from {@code base}. */
        public WaterRuleOptions orElse(WaterRuleOptions base) {
            return new WaterRuleOptions(dailyLimitM3 != null ? dailyLimitM3 : base.dailyLimitM3,
                    slotUseM3 != null ? slotUseM3 : base.slotUseM3,
                    inactivityM3 != null ? inactivityM3 : base.inactivityM3,
                    inactivityWarnHours != null ? inactivityWarnHours : base.inactivityWarnHours,
                    inactivityAlarmHours != null ? inactivityAlarmHours : base.inactivityAlarmHours);
        }
    }

    /**
     * {@code acceptDeadlineSeconds} per severity name (CRITICAL_VULNERABLE, CRITICAL, MAJOR, MINOR, WARNING; absent:
     * the default for that severity, 0: never escalates) and the community duty office, the last escalation level.
     */
    public record EscalationOptions(Map<String, Integer> acceptDeadlineSeconds, PersonConfig dutyOffice) {
        public EscalationOptions {
            acceptDeadlineSeconds = acceptDeadlineSeconds == null ? Map.of() : Map.copyOf(acceptDeadlineSeconds);
        }
    }
}
