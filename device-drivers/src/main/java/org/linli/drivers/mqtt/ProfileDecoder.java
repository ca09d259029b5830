package org.linli.drivers.mqtt;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.Reading;

/**
 * Decodes payloads by following one {@link VendorProfile}: no vendor-specific code lives here.
 * A JSON null counts as absent (vendors send null for a sensor that has nothing to say).
 */
public final class ProfileDecoder implements PayloadDecoder {
    /** Device clocks before this are unset (many modules boot at 1970 or 2000 until NTP/NITZ). */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** How far ahead of the gateway a device clock may run before its timestamps are rejected. */
    static final Duration MAX_CLOCK_AHEAD = Duration.ofDays(1);

    private final VendorProfile profile;
    /** Every pointer of the profile, compiled once: compiling one per field and message was a hot spot (issue 15). */
    private final Map<String, JsonPointer> pointers = new HashMap<>();

    public ProfileDecoder(VendorProfile profile) {
        this.profile = profile;
        profile.deviceIdPointer().ifPresent(this::compile);
        profile.timestamp().flatMap(TimestampField::pointer).ifPresent(this::compile);
        profile.readings().forEach(f -> {
            compile(f.pointer());
            f.timePointer().ifPresent(this::compile);
        });
        profile.events().forEach(f -> {
            compile(f.pointer());
            f.timePointer().ifPresent(this::compile);
        });
    }

    private void compile(String pointer) {
        pointers.computeIfAbsent(pointer, JsonPointer::compile);
    }

    @Override
    public Decoded decode(String deviceId, byte[] payload, Instant receivedAt) throws DecodeException {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new DecodeException(DecodeFailure.PAYLOAD_TOO_LARGE,
                    "payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD_BYTES + " bytes");
        }
        ObjectNode root = StrictJson.parseObject(payload);
        checkDeviceId(deviceId, root);
        Instant messageTime = messageTime(root, receivedAt);
        List<Reading> readings = new ArrayList<>();
        List<DeviceEvent> events = new ArrayList<>();
        boolean anyPresent = false;
        for (ReadingField field : profile.readings()) {
            JsonNode node = present(root, field.pointer(), field.required(), "reading ", field.quantity().field());
            if (node != null) {
                anyPresent = true;
                Instant time = fieldTime(root, field.timePointer(), messageTime, receivedAt);
                readings.add(new Reading(deviceId, field.quantity(), value(field, node), time));
            }
        }
        for (EventField field : profile.events()) {
            JsonNode node = present(root, field.pointer(), field.required(), "event code", "");
            if (node != null) {
                anyPresent = true;
                Instant time = fieldTime(root, field.timePointer(), messageTime, receivedAt);
                for (EventField.Match match : field.decode(node)) {
                    events.add(new DeviceEvent(deviceId, match.type(), time, match.detail()));
                }
            }
        }
        if (!anyPresent) {
            throw new DecodeException(DecodeFailure.MISSING_FIELD,
                    "none of profile " + profile.name() + "'s readings or event codes is present");
        }
        return Decoded.of(readings, events);
    }

    private void checkDeviceId(String deviceId, ObjectNode root) throws DecodeException {
        if (profile.deviceIdPointer().isEmpty()) {
            return;
        }
        String pointer = profile.deviceIdPointer().get();
        JsonNode node = present(root, pointer, true, "device id", "");   // required: never null
        if (!node.isTextual() && !node.isIntegralNumber()) {
            throw JsonValues.wrongType(pointer, "a device id string", node);
        }
        String named = node.asText();
        if (!named.equals(deviceId)) {
            throw new DecodeException(DecodeFailure.DEVICE_ID_MISMATCH,
                    pointer + ": payload names device \"" + named + "\" but the topic names \"" + deviceId + "\"");
        }
    }

    private Instant messageTime(ObjectNode root, Instant receivedAt) throws DecodeException {
        Optional<TimestampField> ts = profile.timestamp();
        if (ts.isEmpty() || ts.get().pointer().isEmpty()) {
            return receivedAt;
        }
        String pointer = ts.get().pointer().get();
        JsonNode node = present(root, pointer, ts.get().required(), "timestamp", "");
        return node != null ? checkedTime(pointer, node, receivedAt) : receivedAt;
    }

    private Instant fieldTime(ObjectNode root, Optional<String> timePointer, Instant messageTime, Instant receivedAt)
            throws DecodeException {
        if (timePointer.isEmpty()) {
            return messageTime;
        }
        JsonNode node = present(root, timePointer.get(), false, "timestamp", "");
        return node != null ? checkedTime(timePointer.get(), node, receivedAt) : messageTime;
    }

    private Instant checkedTime(String pointer, JsonNode node, Instant receivedAt) throws DecodeException {
        // the reader guarantees a timestamp block whenever a time pointer exists
        Instant time = profile.timestamp().orElseThrow().format().parse(pointer, node);
        if (time.isBefore(EARLIEST) || time.isAfter(receivedAt.plus(MAX_CLOCK_AHEAD))) {
            throw new DecodeException(DecodeFailure.OUT_OF_RANGE, pointer + ": timestamp " + time
                    + " is before " + EARLIEST + " or more than " + MAX_CLOCK_AHEAD.toHours() + " h after receipt (" + receivedAt + ")");
        }
        return time;
    }

    private static double value(ReadingField field, JsonNode node) throws DecodeException {
        BigDecimal raw = field.encoding().read(field.pointer(), node);
        double value;
        try {
            value = field.toValue(raw);
        } catch (ArithmeticException e) {
            value = Double.NaN;
        }
        if (!Double.isFinite(value) || !field.quantity().inRange(value)) {
            throw new DecodeException(DecodeFailure.OUT_OF_RANGE, field.pointer() + ": " + field.quantity().field() + " "
                    + value + " " + field.quantity().unit() + " (raw " + node + ") is outside "
                    + field.quantity().min() + ".." + field.quantity().max());
        }
        return value;
    }

    /**
     * The node at {@code pointer}; absent or null: MISSING_FIELD naming {@code what + name} if required, else null.
     * Runs for every field of every message: no Optional, and the error's words are joined only when it is thrown.
     */
    private JsonNode present(ObjectNode root, String pointer, boolean required, String what, String name)
            throws DecodeException {
        JsonPointer compiled = pointers.get(pointer);         // read-only after construction: thread-safe
        JsonNode node = root.at(compiled != null ? compiled : JsonPointer.compile(pointer));
        if (node.isMissingNode() || node.isNull()) {
            if (required) {
                throw JsonValues.missing(pointer, what + name);
            }
            return null;
        }
        return node;
    }
}
