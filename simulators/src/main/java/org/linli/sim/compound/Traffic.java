package org.linli.sim.compound;

import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.drivers.mqtt.EventField;
import org.linli.drivers.mqtt.ReadingField;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a device reports: plausible values for every quantity its vendor profile carries. Water use follows a
 * daily rhythm (morning and evening peaks, quiet nights); a leaking gas alarm reads 25-40 %LEL; a smoke detector
 * in a fire reads 15-40 %obs/m.
 */
final class Traffic {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Traffic() {
    }

    static Decoded report(SimDevice d, Instant at, double minutesSinceLast) {
        d.reports++;
        List<Reading> readings = new ArrayList<>();
        for (ReadingField f : d.profile.readings()) {
            readings.add(new Reading(d.id, f.quantity(), value(d, f.quantity(), at, minutesSinceLast), at));
        }
        return Decoded.of(readings, List.of());
    }

    /** A report of every reading with an ALARM event, in one message at one time (how a detector reports an alarm). */
    static Decoded alarmReport(SimDevice d, Instant at) {
        return Decoded.of(report(d, at, 1).readings(), List.of(new DeviceEvent(d.id, EventType.ALARM, at)));
    }

    static Decoded event(SimDevice d, EventType type, Instant at) {
        return Decoded.of(List.of(), List.of(new DeviceEvent(d.id, type, at)));
    }

    /** The event types this device's profile can carry. */
    static Set<EventType> supportedEvents(SimDevice d) {
        Set<EventType> out = EnumSet.noneOf(EventType.class);
        for (EventField f : d.profile.events()) {
            f.codes().values().forEach(o -> o.ifPresent(out::add));
            out.addAll(f.bits().values());
        }
        return out;
    }

    private static double value(SimDevice d, Quantity q, Instant at, double minutes) {
        return switch (q) {
            case GAS_LEL -> d.gasLel = d.leaking ? 25 + d.random.nextInt(150) / 10.0 : d.random.nextInt(15) / 10.0;
            case GAS_PPM -> d.leaking ? 5000 + d.random.nextInt(3000) : d.random.nextInt(50);
            case SMOKE_LEVEL -> d.smoke = d.burning ? 15 + d.random.nextInt(250) / 10.0 : d.random.nextInt(5) / 10.0;
            case BATTERY_PCT -> d.batteryPct = Math.max(5, d.batteryPct - (d.random.nextInt(100) == 0 ? 1 : 0));
            case BATTERY_V -> 3.0 + d.random.nextInt(60) / 100.0;
            case SIGNAL_DBM -> -60 - d.random.nextInt(45);
            case SENSOR_LIFE_DAYS -> 1000 + d.random.nextInt(2000);
            case WATER_FLOW_M3H -> round(flow(d, at), 3);
            case WATER_TOTAL_M3 -> d.waterTotal = round(d.waterTotal + flow(d, at) * minutes / 60.0, 2);
            case WATER_REVERSE_M3 -> 0;
            case GAS_TOTAL_M3 -> d.waterTotal = round(d.waterTotal + 0.01 * minutes / 60.0, 2);
            case VALVE_OPEN -> 1;
            case TEMPERATURE_C -> 15 + d.random.nextInt(150) / 10.0;
            // heat meters (no MQTT profile carries these yet): a flat uses ~2 kW in the heating season
            case HEAT_ENERGY_KWH, COOLING_ENERGY_KWH -> d.waterTotal = round(d.waterTotal + 2.0 * minutes / 60.0, 2);
            case HEAT_POWER_KW -> round(1.5 + d.random.nextDouble(), 2);
            case SUPPLY_TEMP_C -> 45 + d.random.nextInt(100) / 10.0;
            case RETURN_TEMP_C -> 35 + d.random.nextInt(80) / 10.0;
            case OPERATING_HOURS -> (at.getEpochSecond() / 3600) % 1_000_000;
        };
    }

    /** m³/h: a household uses ~0.3 m³ a day, mostly around 7:00 and 19:00 (Beijing time). */
    private static double flow(SimDevice d, Instant at) {
        int hour = at.atZone(CHINA).getHour();
        double rhythm = switch (hour) {
            case 6, 7, 8 -> 0.05;
            case 11, 12 -> 0.03;
            case 18, 19, 20, 21 -> 0.04;
            case 0, 1, 2, 3, 4 -> 0.0;
            default -> 0.01;
        };
        return d.random.nextInt(3) == 0 ? 0 : rhythm * (0.5 + d.random.nextDouble());
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    static Optional<EventType> heartbeatIfSupported(SimDevice d) {
        return supportedEvents(d).contains(EventType.HEARTBEAT) ? Optional.of(EventType.HEARTBEAT) : Optional.empty();
    }
}
