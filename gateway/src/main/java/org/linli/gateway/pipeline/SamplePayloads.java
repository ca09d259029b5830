package org.linli.gateway.pipeline;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linli.drivers.model.FieldType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.mqtt.EventField;
import org.linli.drivers.mqtt.ReadingField;
import org.linli.drivers.mqtt.StrictJson;
import org.linli.drivers.mqtt.TimestampField;
import org.linli.drivers.mqtt.VendorProfile;

import java.time.Instant;
import java.util.Optional;

/**
 * A representative payload of a vendor profile, built from the profile itself: the device id, the message time in
 * the vendor's format, every reading at the middle of its quantity's range (in the vendor's raw encoding) and every
 * event field at its "nothing to report" value. What {@link DecodeWarmUp} decodes at start-up; no vendor-specific
 * code. Stateless; any thread.
 */
final class SamplePayloads {
    private SamplePayloads() {
    }

    /** The payload {@code deviceId} would send at {@code at}; the caller checks that it decodes. */
    static byte[] of(VendorProfile profile, String deviceId, Instant at) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        profile.deviceIdPointer().ifPresent(p -> put(root, p, JsonNodeFactory.instance.textNode(deviceId)));
        Optional<TimestampField> ts = profile.timestamp();
        ts.flatMap(TimestampField::pointer).ifPresent(p -> put(root, p, ts.get().format().write(at, ts.get().zone())));
        for (ReadingField field : profile.readings()) {
            put(root, field.pointer(), field.encoding().write(field.toRaw(typicalValue(field.quantity()))));
            field.timePointer().ifPresent(p -> ts.ifPresent(t -> put(root, p, t.format().write(at, t.zone()))));
        }
        for (EventField field : profile.events()) {
            field.quietValue().ifPresent(quiet -> put(root, field.pointer(), quiet));
        }
        return StrictJson.write(root);
    }

    /** The middle of the quantity's range, a whole number where the quantity is written as one. */
    private static double typicalValue(Quantity q) {
        if (q.fieldType() == FieldType.BOOLEAN) {
            return 1;
        }
        double mid = (q.min() + q.max()) / 2;
        return q.fieldType() == FieldType.INTEGER ? Math.rint(mid) : mid;
    }

    /** Sets {@code value} at {@code pointer}, creating the objects on the way; a pointer through a value is skipped. */
    private static void put(ObjectNode root, String pointer, JsonNode value) {
        ObjectNode parent = root;
        JsonPointer at = JsonPointer.compile(pointer);
        while (!at.tail().matches()) {
            String name = at.getMatchingProperty();
            JsonNode child = parent.get(name);
            if (child == null) {
                child = parent.putObject(name);
            } else if (!child.isObject()) {
                return;
            }
            parent = (ObjectNode) child;
            at = at.tail();
        }
        parent.set(at.getMatchingProperty(), value);
    }
}
