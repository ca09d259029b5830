package org.linli.drivers.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;

/** How a vendor writes an instant in JSON. Parsing and writing live together so the two stay inverse. */
public enum TimestampFormat {
    /** JSON integer, milliseconds since 1970-01-01T00:00Z. */
    EPOCH_MILLIS,
    /** JSON integer, seconds since 1970-01-01T00:00Z. */
    EPOCH_SECONDS,
    /** JSON string, ISO-8601 with an offset ({@code 2024-11-25T10:15:30+08:00} or {@code ...Z}). */
    ISO8601;

    public static TimestampFormat fromId(String id) {
        for (TimestampFormat f : values()) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown timestamp format '" + id + "' (expected epoch_millis, epoch_seconds or iso8601)");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the instant at {@code pointer}; range checks are the caller's (they depend on the receive time). */
    public Instant parse(String pointer, JsonNode node) throws DecodeException {
        try {
            if (this == ISO8601) {
                if (!node.isTextual()) {
                    throw JsonValues.wrongType(pointer, "an ISO-8601 timestamp string", node);
                }
                Instant common = IsoOffsetTime.parse(node.textValue());   // the usual form, without the JDK's parser
                return common != null ? common
                        : OffsetDateTime.parse(node.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
            if (!node.isIntegralNumber()) {
                throw JsonValues.wrongType(pointer, "an integer " + id() + " timestamp", node);
            }
            if (!node.canConvertToLong()) {
                throw new DecodeException(DecodeFailure.OUT_OF_RANGE, pointer + ": timestamp " + node + " is out of range");
            }
            return this == EPOCH_MILLIS ? Instant.ofEpochMilli(node.longValue()) : Instant.ofEpochSecond(node.longValue());
        } catch (DateTimeParseException e) {
            throw new DecodeException(DecodeFailure.WRONG_TYPE,
                    pointer + ": expected an ISO-8601 timestamp with offset, got " + JsonValues.describe(node), e);
        } catch (DateTimeException | ArithmeticException e) {
            throw new DecodeException(DecodeFailure.OUT_OF_RANGE, pointer + ": timestamp " + node + " is out of range", e);
        }
    }

    /** The JSON value for {@code time}, at this format's resolution; ISO-8601 is written at {@code zone}. */
    public JsonNode write(Instant time, ZoneOffset zone) {
        return switch (this) {
            case EPOCH_MILLIS -> JsonNodeFactory.instance.numberNode(time.toEpochMilli());
            case EPOCH_SECONDS -> JsonNodeFactory.instance.numberNode(time.getEpochSecond());
            case ISO8601 -> JsonNodeFactory.instance.textNode(
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atOffset(zone)));
        };
    }
}
