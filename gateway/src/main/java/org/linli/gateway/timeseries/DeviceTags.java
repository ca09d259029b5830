package org.linli.gateway.timeseries;

import org.linli.drivers.model.EventType;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.Location;
import org.linli.gateway.site.SiteDirectory;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The start of every line of one device, made once: its measurement and location tags, sorted and escaped
 * ({@code gas_alarm,building=3,...,unit=2 }), and the {@code device_event} start for each event type (the
 * {@code device_type} and {@code event} tags sorted in among them), each kept as UTF-8 bytes, the form the lines are
 * stored and sent in. Immutable once built; the prefixes of event types are filled in lazily (a benign race: two
 * threads may build the same bytes).
 */
final class DeviceTags {
    /** The device the prefixes were made for. */
    final Device device;
    private final Map<String, String> tags;
    final byte[] readingPrefix;
    private final byte[][] eventPrefixes = new byte[EventType.values().length][];

    DeviceTags(SiteDirectory site, Device device) {
        this.device = device;
        Location l = device.location();
        Map<String, String> t = new TreeMap<>();
        put(t, "street", site.street());
        put(t, "community", site.community());
        put(t, "compound", site.compound());
        put(t, "building", l.building());
        put(t, "unit", l.unit());
        put(t, "household", l.householdKey().orElse(null));
        put(t, "area", l.area());
        put(t, "device", device.id());
        if (device.grid() != null) {
            put(t, "grid", device.grid().id());
        }
        this.tags = t;
        this.readingPrefix = prefix(device.type().id(), t);
    }

    byte[] eventPrefix(String deviceType, EventType type) {
        byte[] p = eventPrefixes[type.ordinal()];
        if (p == null) {
            Map<String, String> t = new TreeMap<>(tags);
            put(t, "device_type", deviceType);
            put(t, "event", type.id());
            p = prefix(PointFactory.EVENT_MEASUREMENT, t);
            eventPrefixes[type.ordinal()] = p;
        }
        return p;
    }

    private static void put(Map<String, String> t, String key, String value) {
        if (value != null && !value.isEmpty()) {
            t.put(key, value);
        }
    }

    private static byte[] prefix(String measurement, Map<String, String> tags) {
        StringBuilder sb = new StringBuilder(160);
        LineProtocol.measurement(sb, measurement);
        tags.forEach((k, v) -> {
            sb.append(',');
            LineProtocol.key(sb, k);
            sb.append('=');
            LineProtocol.key(sb, v);
        });
        return sb.append(' ').toString().getBytes(StandardCharsets.UTF_8);
    }
}
