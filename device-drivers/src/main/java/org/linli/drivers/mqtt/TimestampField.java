package org.linli.drivers.mqtt;

import com.fasterxml.jackson.core.JsonPointer;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the message time sits and how the vendor writes instants. The format also applies to per-field time
 * pointers (OneNET stamps every property), so a profile may give a format without a message-level pointer.
 *
 * @param pointer message-level time; empty (or absent from a message, if not required) = receive time
 * @param zone    offset used when writing ISO-8601 (simulators); reading accepts any offset
 */
public record TimestampField(Optional<String> pointer, TimestampFormat format, boolean required, ZoneOffset zone) {
    public TimestampField {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(zone, "zone");
        pointer.ifPresent(JsonPointer::compile);
        if (required && pointer.isEmpty()) {
            throw new IllegalArgumentException("a required timestamp needs a pointer");
        }
    }
}
