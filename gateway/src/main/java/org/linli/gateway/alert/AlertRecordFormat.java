package org.linli.gateway.alert;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.time.Instant;

/**
 * The versions of the stored alert format and the library binding of the current one (docs/ALERTS.md, "The alert
 * store and retention"). Format 1 is the public API JSON the store kept before ({@link AlertJson}), read by the
 * lenient legacy reader {@link AlertRecordJson}; format 2 is {@link AlertRecord}, bound by Jackson strictly: a missing
 * property, an unknown property or enum constant, a null required value, a bad instant or bad JSON makes the row
 * unreadable ({@link UnreadableAlertRow}), never a half-filled alert. Stateless and thread-safe; used on the alert
 * store's thread.
 */
public final class AlertRecordFormat {
    /** The API JSON of an alert, as written before the versioned format (read only, never written). */
    public static final int LEGACY_API_JSON = 1;
    /** {@link AlertRecord}, bound by Jackson. */
    public static final int CURRENT = 2;

    private static final int MAX_REASON_CHARS = 300;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new SimpleModule("instants-as-iso-8601")
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant value, JsonGenerator g, SerializerProvider p) throws IOException {
                            g.writeString(value.toString());
                        }
                    })
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
                            String text = p.getValueAsString();
                            try {
                                return Instant.parse(text);
                            } catch (RuntimeException e) {
                                return (Instant) c.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
                            }
                        }
                    }))
            .build();

    private AlertRecordFormat() {
    }

    /** The current format's text of an alert. */
    public static String encode(Alert alert) {
        try {
            return MAPPER.writeValueAsString(AlertRecord.of(alert));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert " + alert.id() + " cannot be written: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a stored row's text in its format; throws {@link UnreadableAlertRow} saying why it cannot. */
    public static AlertRecord decode(int format, String text) throws UnreadableAlertRow {
        if (text == null) {
            throw new UnreadableAlertRow("no json");
        }
        try {
            return switch (format) {
                case CURRENT -> MAPPER.readValue(text, AlertRecord.class);
                case LEGACY_API_JSON -> AlertRecordJson.fromJson(new JsonObject(text));
                default -> throw new UnreadableAlertRow("unknown format " + format + " (this gateway reads 1 and 2)");
            };
        } catch (JsonProcessingException e) {
            throw new UnreadableAlertRow("format " + format + ": " + shorten(e.getOriginalMessage()));
        } catch (DecodeException e) {
            throw new UnreadableAlertRow("format " + format + ": not JSON: " + shorten(e.getMessage()));
        } catch (RuntimeException e) {
            throw new UnreadableAlertRow("format " + format + ": " + shorten(e.toString()));
        }
    }

    /** The alert a stored row holds: {@link #decode} and {@link AlertRecord#toAlert()}, either failing as unreadable. */
    public static Alert read(int format, String text) throws UnreadableAlertRow {
        AlertRecord record = decode(format, text);
        try {
            return record.toAlert();
        } catch (RuntimeException e) {
            throw new UnreadableAlertRow("format " + format + ": " + shorten(e.toString()));
        }
    }

    private static String shorten(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        return one.length() <= MAX_REASON_CHARS ? one : one.substring(0, MAX_REASON_CHARS) + "…";
    }

    /** A stored row that cannot be read as an alert, with the reason (logged, reported, kept in quarantine). */
    public static final class UnreadableAlertRow extends Exception {
        public UnreadableAlertRow(String reason) {
            super(reason);
        }
    }
}
