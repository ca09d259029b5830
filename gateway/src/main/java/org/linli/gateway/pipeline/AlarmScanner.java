package org.linli.gateway.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import org.linli.drivers.model.EventType;
import org.linli.drivers.mqtt.EventField;
import org.linli.drivers.mqtt.VendorProfile;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells, before decoding, whether a payload may carry an alarm, so that it can take the priority lane
 * (docs/ARCHITECTURE.md, "Alarms first"). Built from the vendor profile: every event field that can say
 * {@link EventType#ALARM} (a code mapped to it, or a bit of a status word) is looked for with Jackson's streaming
 * parser (no tree, no pointer compilation), stopping at the first hit: an alarm code at the field's path is urgent,
 * even in a payload that turns out malformed after it (a false positive only takes the fast lane); a payload that
 * cannot be read up to an alarm code is not (the decoder rejects it anyway). Immutable and
 * thread-safe; it runs on Paho's callback thread.
 */
final class AlarmScanner {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(4096)
                    .maxNumberLength(64).build())
            .build();
    private static final int MAX_DEPTH = 32;

    /** One field to look at: its path as JSON object keys, and the codes (or bit mask) that mean an alarm. */
    private record Marker(String[] path, Set<String> codes, long bits) {
    }

    private final Marker[] markers;
    private final Set<String> lastKeys = new HashSet<>();

    private AlarmScanner(List<Marker> markers) {
        this.markers = markers.toArray(Marker[]::new);
        for (Marker m : markers) {
            lastKeys.add(m.path()[m.path().length - 1]);
        }
    }

    /** The scanner for a profile, or null when the profile cannot report an alarm. */
    static AlarmScanner of(VendorProfile profile) {
        List<Marker> markers = new ArrayList<>();
        for (EventField f : profile.events()) {
            if (!f.carries(EventType.ALARM)) {
                continue;
            }
            String[] path = pathOf(f.pointer());
            if (path == null) {
                continue;
            }
            Set<String> codes = new HashSet<>();
            for (Map.Entry<String, Optional<EventType>> e : f.codes().entrySet()) {
                if (e.getValue().equals(Optional.of(EventType.ALARM))) {
                    codes.add(e.getKey());
                }
            }
            long bits = 0;
            for (Map.Entry<Integer, EventType> e : f.bits().entrySet()) {
                if (e.getValue() == EventType.ALARM) {
                    bits |= 1L << e.getKey();
                }
            }
            markers.add(new Marker(path, Set.copyOf(codes), bits));
        }
        return markers.isEmpty() ? null : new AlarmScanner(markers);
    }

    /** A JSON pointer of object keys as its keys; null for a pointer with array indices or escapes (not scanned). */
    private static String[] pathOf(String pointer) {
        if (pointer.isEmpty() || pointer.contains("~")) {
            return null;
        }
        String[] keys = pointer.substring(1).split("/", -1);
        for (String k : keys) {
            if (!k.isEmpty() && k.chars().allMatch(Character::isDigit)) {
                return null;
            }
        }
        return keys;
    }

    /** Whether the payload holds an alarm code at one of the alarm fields. */
    boolean mayCarryAlarm(byte[] payload) {
        String[] path = new String[MAX_DEPTH + 1];
        int depth = 0;                                        // object nesting; path[depth - 1] is the current key
        try (JsonParser p = JSON.createParser(payload)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case START_OBJECT -> depth++;
                    case END_OBJECT -> depth--;
                    case START_ARRAY -> p.skipChildren();     // no profile points into an array for its events
                    case FIELD_NAME -> {
                        if (depth > MAX_DEPTH) {
                            return false;
                        }
                        path[depth - 1] = p.currentName();
                    }
                    case VALUE_NUMBER_INT, VALUE_STRING -> {
                        if (depth > 0 && lastKeys.contains(path[depth - 1]) && matches(path, depth, p, t)) {
                            return true;
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private boolean matches(String[] path, int depth, JsonParser p, JsonToken t) throws IOException {
        for (Marker m : markers) {
            if (m.path().length != depth || !samePath(m.path(), path)) {
                continue;
            }
            if (m.bits() != 0 && t == JsonToken.VALUE_NUMBER_INT) {
                BigInteger word = p.getBigIntegerValue();
                if (word.signum() > 0 && word.and(BigInteger.valueOf(m.bits())).signum() != 0) {
                    return true;
                }
            }
            if (m.codes().contains(t == JsonToken.VALUE_NUMBER_INT ? p.getBigIntegerValue().toString() : p.getText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePath(String[] marker, String[] path) {
        for (int i = marker.length - 1; i >= 0; i--) {
            if (!marker[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }
}
