package org.linli.drivers.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;

/**
 * The JSON parser for untrusted device payloads: duplicate keys, trailing garbage, deep nesting and huge
 * strings or numbers are rejected rather than guessed at. Floats stay exact decimals until scaled.
 */
public final class StrictJson {
    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_STRING_LENGTH = 4096;
    static final int MAX_NUMBER_LENGTH = 64;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN) // devices write 100, not 1E+2
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private StrictJson() {
    }

    /** The payload as a JSON object, or MALFORMED_JSON saying where parsing stopped. */
    public static ObjectNode parseObject(byte[] payload) throws DecodeException {
        JsonNode root;
        try {
            root = MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new DecodeException(DecodeFailure.MALFORMED_JSON, "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at offset " + e.getLocation().getByteOffset()), e);
        } catch (IOException e) {
            throw new DecodeException(DecodeFailure.MALFORMED_JSON, "not valid JSON: " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            // Jackson throws this unchecked for a number it cannot represent, e.g. 1e9999999999 (exponent beyond int)
            throw new DecodeException(DecodeFailure.MALFORMED_JSON, "not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DecodeException(DecodeFailure.MALFORMED_JSON,
                    "expected a JSON object, got " + (root == null || root.isMissingNode() ? "nothing" : JsonValues.describe(root)));
        }
        return (ObjectNode) root;
    }

    /** Compact JSON text, for simulators that build payloads from the same node model. */
    public static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }
}
