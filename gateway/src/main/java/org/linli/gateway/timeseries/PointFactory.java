package org.linli.gateway.timeseries;

import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.SiteDirectory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns decoded readings and events into InfluxDB line protocol following docs/SCHEMA.md: one point per device and
 * instant (all its readings as fields of the device type's measurement), one {@code device_event} point per event.
 * Location tags run from street down to household so that any level can be grouped on. Readings go to the
 * {@link Lane#TELEMETRY} lane, events to {@link Lane#EVENTS}: the lane is decided here, where the kind is known.
 * A point with a {@code gas_lel} reading also carries {@code gas_lel_alarm}, the device's configured alarm level,
 * when a {@link GasAlarmLevel} is given.
 * <p>
 * The text is the same, byte for byte, as influxdb-client's {@code Point} made it (tags and fields sorted by name,
 * a repeated field keeps its last value, {@link LineProtocol}'s escaping and numbers), but each device's measurement
 * and tags are escaped and encoded once and kept ({@link DeviceTags}), and each line is made as the UTF-8 bytes the
 * queue stores: the tags' prefix and then the fields and time (ASCII) copied in as bytes. A point with no field to
 * write (only non-finite values, which {@code Point} dropped) makes no line. Thread-safe: the decode workers call it
 * for readings, the event loop for events.
 */
public final class PointFactory {
    public static final String EVENT_MEASUREMENT = "device_event";
    /** The field beside {@code gas_lel} holding the gateway's alarm level for the device (docs/SCHEMA.md). */
    public static final String GAS_ALARM_LEVEL_FIELD = "gas_lel_alarm";
    private static final Comparator<Field> BY_NAME = Comparator.comparing(Field::name);

    private final SiteDirectory site;
    private final GasAlarmLevel gasAlarmLevel;
    /**
     * By device id, each checked against the device it was made for: the same id with another type or place is another
     * measurement. Not keyed by the {@link Device} record itself: its hash walks every nested component, on every
     * point (3.6 % of a drain's CPU in a profile), where the site's one instance per device compares by reference.
     */
    private final Map<String, DeviceTags> tags = new ConcurrentHashMap<>();

    /** One field of a point: its name and its text ({@code 12.5}, {@code -71i}, {@code true}). */
    private record Field(String name, String text) {
    }

    public PointFactory(SiteDirectory site) {
        this(site, null);
    }

    /** {@code gasAlarmLevel} null: no {@code gas_lel_alarm} field. */
    public PointFactory(SiteDirectory site, GasAlarmLevel gasAlarmLevel) {
        this.site = site;
        this.gasAlarmLevel = gasAlarmLevel;
    }

    public PointBatch points(Device device, Decoded decoded) {
        return PointBatch.ofUtf8(readingLines(device, decoded.readings()), eventLines(device, decoded.events()));
    }

    /** The telemetry lines (UTF-8) of one message's readings: one line per instant, in the order the instants came. */
    public List<byte[]> readingLines(Device device, List<Reading> readings) {
        if (readings.isEmpty()) {
            return List.of();
        }
        Map<Instant, List<Field>> byInstant = new LinkedHashMap<>();
        for (Reading r : readings) {
            List<Field> fields = byInstant.computeIfAbsent(r.time(), t -> new ArrayList<>(8));
            String name = r.quantity().field();
            switch (r.quantity().fieldType()) {
                case FLOAT -> addDouble(fields, name, r.value());
                case INTEGER -> fields.add(new Field(name, Math.round(r.value()) + "i"));
                case BOOLEAN -> fields.add(new Field(name, r.value() != 0 ? "true" : "false"));
            }
            if (r.quantity() == Quantity.GAS_LEL && gasAlarmLevel != null) {
                addDouble(fields, GAS_ALARM_LEVEL_FIELD, gasAlarmLevel.of(device));
            }
        }
        byte[] prefix = tagsOf(device).readingPrefix;
        List<byte[]> lines = new ArrayList<>(byInstant.size());
        byInstant.forEach((time, fields) -> {
            StringBuilder tail = fieldsAndTime(fields, time);
            if (tail != null) {
                lines.add(join(prefix, tail));
            }
        });
        return lines;
    }

    /** The {@code device_event} lines (UTF-8) of events, one per event, in their order. */
    public List<byte[]> eventLines(Device device, List<DeviceEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        DeviceTags t = tagsOf(device);
        List<byte[]> lines = new ArrayList<>(events.size());
        for (DeviceEvent e : events) {
            lines.add(join(t.eventPrefix(device.type().id(), e.type()),
                    new StringBuilder(32).append("count=1i ").append(e.time().toEpochMilli())));
        }
        return lines;
    }

    /**
     * The prefix's bytes, then the tail's. The tail (field names, numbers, the time) is ASCII, so its characters are
     * copied as bytes straight from the builder, with no String or encoder between; a tail that is not ASCII (no
     * field name is today) is encoded as UTF-8 instead.
     */
    static byte[] join(byte[] prefix, CharSequence tail) {
        int n = tail.length();
        for (int i = 0; i < n; i++) {
            if (tail.charAt(i) >= 0x80) {
                byte[] end = tail.toString().getBytes(StandardCharsets.UTF_8);
                byte[] line = Arrays.copyOf(prefix, prefix.length + end.length);
                System.arraycopy(end, 0, line, prefix.length, end.length);
                return line;
            }
        }
        byte[] line = Arrays.copyOf(prefix, prefix.length + n);
        for (int i = 0; i < n; i++) {
            line[prefix.length + i] = (byte) tail.charAt(i);
        }
        return line;
    }

    private DeviceTags tagsOf(Device device) {
        DeviceTags t = tags.get(device.id());
        if (t != null && (t.device == device || t.device.equals(device))) {
            return t;
        }
        DeviceTags made = new DeviceTags(site, device);    // a race builds the same prefix twice: harmless
        tags.put(device.id(), made);
        return made;
    }

    private static void addDouble(List<Field> fields, String name, double v) {
        if (!Double.isFinite(v)) {
            fields.add(new Field(name, null));                // Point drops a non-finite value (and the name with it)
            return;
        }
        StringBuilder sb = new StringBuilder(24);
        LineProtocol.decimal(sb, v);
        fields.add(new Field(name, sb.toString()));
    }

    /**
     * The part of a line after the tags: fields sorted by name, a repeated name keeping its last value, then the time;
     * null when no field is left to write (Point wrote an empty line, which the write API skipped and the queue
     * would refuse).
     */
    private static StringBuilder fieldsAndTime(List<Field> fields, Instant time) {
        fields.sort(BY_NAME);                                 // stable: equal names keep their order
        StringBuilder sb = new StringBuilder(fields.size() * 24 + 16);
        boolean any = false;
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (i + 1 < fields.size() && fields.get(i + 1).name().equals(f.name())) {
                continue;                                     // a later value of the same field replaces this one
            }
            if (f.text() == null) {
                continue;
            }
            if (any) {
                sb.append(',');
            }
            LineProtocol.key(sb, f.name());
            sb.append('=').append(f.text());
            any = true;
        }
        return any ? sb.append(' ').append(time.toEpochMilli()) : null;
    }
}
