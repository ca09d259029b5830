package org.linli.gateway.timeseries;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.Location;
import org.linli.gateway.site.SiteDirectory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns decoded readings and events into InfluxDB line protocol following docs/SCHEMA.md: one point per device and
 * instant (all its readings as fields of the device type's measurement), one {@code device_event} point per event.
 * Location tags run from street down to household so that any level can be grouped on. Readings go to the
 * {@link Lane#TELEMETRY} lane, events to {@link Lane#EVENTS}: the lane is decided here, where the kind is known.
 * A point with a {@code gas_lel} reading also carries {@code gas_lel_alarm}, the device's configured alarm level,
 * when a {@link GasAlarmLevel} is given.
 */
public final class PointFactory {
    public static final String EVENT_MEASUREMENT = "device_event";
    /** The field beside {@code gas_lel} holding the gateway's alarm level for the device (docs/SCHEMA.md). */
    public static final String GAS_ALARM_LEVEL_FIELD = "gas_lel_alarm";

    private final SiteDirectory site;
    private final GasAlarmLevel gasAlarmLevel;

    public PointFactory(SiteDirectory site) {
        this(site, null);
    }

    /** {@code gasAlarmLevel} null: no {@code gas_lel_alarm} field. */
    public PointFactory(SiteDirectory site, GasAlarmLevel gasAlarmLevel) {
        this.site = site;
        this.gasAlarmLevel = gasAlarmLevel;
    }

    public PointBatch points(Device device, Decoded decoded) {
        List<String> telemetry = new ArrayList<>(decoded.readings().size());
        List<String> events = new ArrayList<>(decoded.events().size());
        Map<Instant, Point> byInstant = new LinkedHashMap<>();
        for (Reading r : decoded.readings()) {
            Point p = byInstant.computeIfAbsent(r.time(), t -> tagged(Point.measurement(device.type().id()), device)
                    .time(t.toEpochMilli(), WritePrecision.MS));
            switch (r.quantity().fieldType()) {
                case FLOAT -> p.addField(r.quantity().field(), r.value());
                case INTEGER -> p.addField(r.quantity().field(), Math.round(r.value()));
                case BOOLEAN -> p.addField(r.quantity().field(), r.value() != 0);
            }
            if (r.quantity() == Quantity.GAS_LEL && gasAlarmLevel != null) {
                p.addField(GAS_ALARM_LEVEL_FIELD, gasAlarmLevel.of(device));
            }
        }
        byInstant.values().forEach(p -> telemetry.add(p.toLineProtocol()));
        for (DeviceEvent e : decoded.events()) {
            Point p = tagged(Point.measurement(EVENT_MEASUREMENT), device)
                    .addTag("device_type", device.type().id())
                    .addTag("event", e.type().id())
                    .addField("count", 1L)
                    .time(e.time().toEpochMilli(), WritePrecision.MS);
            events.add(p.toLineProtocol());
        }
        return new PointBatch(telemetry, events);
    }

    private Point tagged(Point p, Device device) {
        Location l = device.location();
        tag(p, "street", site.street());
        tag(p, "community", site.community());
        tag(p, "compound", site.compound());
        tag(p, "building", l.building());
        tag(p, "unit", l.unit());
        tag(p, "household", l.householdKey().orElse(null));
        tag(p, "area", l.area());
        tag(p, "device", device.id());
        if (device.grid() != null) {
            tag(p, "grid", device.grid().id());
        }
        return p;
    }

    private static void tag(Point p, String key, String value) {
        if (value != null && !value.isEmpty()) {
            p.addTag(key, value);
        }
    }
}
