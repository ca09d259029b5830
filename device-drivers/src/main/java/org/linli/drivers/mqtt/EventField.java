package org.linli.drivers.mqtt;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.model.EventType;

/**
 * Where an event code sits in a vendor payload and what its values mean. Either {@code codes} (one value, one
 * meaning; a code may mean "no event", e.g. a normal status) or {@code bits} (a status word, every set bit is
 * one event). Unmapped codes and unmapped set bits are rejected so that new firmware meanings get noticed.
 *
 * @param codes       code (as written in JSON, numbers in decimal) → event, or empty for "known, no event"
 * @param timePointer where this event's own timestamp sits; empty = message time
 */
public record EventField(String pointer, CodeType codeType, Map<String, Optional<EventType>> codes,
                         SortedMap<Integer, EventType> bits, boolean required, Optional<String> timePointer) {

    /** How the code is written in JSON. Bit fields are always integers. */
    public enum CodeType { INTEGER, STRING }

    /** One event found in a message, with the raw code for the event detail. */
    public record Match(EventType type, String detail) {
    }

    public EventField {
        Objects.requireNonNull(codeType, "codeType");
        JsonPointer.compile(pointer);
        timePointer.ifPresent(JsonPointer::compile);
        codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
        bits = Collections.unmodifiableSortedMap(new TreeMap<>(bits));
        if (codes.isEmpty() == bits.isEmpty()) {
            throw new IllegalArgumentException("needs exactly one of 'codes' or 'bits'");
        }
        if (!bits.isEmpty() && codeType != CodeType.INTEGER) {
            throw new IllegalArgumentException("a bit field is an integer");
        }
        for (int bit : bits.keySet()) {
            if (bit < 0 || bit > 62) {
                throw new IllegalArgumentException("bit " + bit + " is outside 0..62");
            }
        }
        if (codeType == CodeType.INTEGER) {
            for (String code : codes.keySet()) {
                try {
                    Long.parseLong(code);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("code '" + code + "' is not an integer but the field type is integer");
                }
            }
        }
    }

    public boolean isBitField() {
        return !bits.isEmpty();
    }

    /** The events one present value stands for, in bit order for status words. */
    public List<Match> decode(JsonNode node) throws DecodeException {
        if (isBitField()) {
            return decodeBits(node);
        }
        String code = codeOf(node);
        if (!codes.containsKey(code)) {
            throw new DecodeException(DecodeFailure.UNKNOWN_CODE,
                    pointer + ": unknown code " + node + " (known: " + String.join(", ", codes.keySet()) + ")");
        }
        return codes.get(code).map(type -> List.of(new Match(type, pointer + "=" + code))).orElse(List.of());
    }

    private String codeOf(JsonNode node) throws DecodeException {
        if (codeType == CodeType.STRING) {
            if (!node.isTextual()) {
                throw JsonValues.wrongType(pointer, "a string code", node);
            }
            return node.textValue();
        }
        if (!node.isIntegralNumber()) {
            throw JsonValues.wrongType(pointer, "an integer code", node);
        }
        return node.bigIntegerValue().toString();
    }

    private List<Match> decodeBits(JsonNode node) throws DecodeException {
        if (!node.isIntegralNumber() || node.bigIntegerValue().signum() < 0) {
            throw JsonValues.wrongType(pointer, "a non-negative integer status word", node);
        }
        BigInteger word = node.bigIntegerValue();
        List<Match> matches = new ArrayList<>();
        for (int bit = 0; bit < word.bitLength(); bit++) {
            if (!word.testBit(bit)) {
                continue;
            }
            EventType type = bits.get(bit);
            if (type == null) {
                throw new DecodeException(DecodeFailure.UNKNOWN_CODE,
                        pointer + ": status word " + word + " has unmapped bit " + bit + " set (mapped: " + bits.keySet() + ")");
            }
            matches.add(new Match(type, pointer + " bit " + bit));
        }
        return matches;
    }

    /** Whether this field can say {@code type} happened. */
    public boolean carries(EventType type) {
        return isBitField() ? bits.containsValue(type) : codes.containsValue(Optional.of(type));
    }

    /** The JSON value meaning "nothing to report" (a code mapped to none, or status word 0), if there is one. */
    public Optional<JsonNode> quietValue() {
        if (isBitField()) {
            return Optional.of(JsonNodeFactory.instance.numberNode(0L));
        }
        return codes.entrySet().stream().filter(e -> e.getValue().isEmpty()).findFirst().map(e -> codeNode(e.getKey()));
    }

    /** The JSON value carrying all of {@code types} (one for a code field, any set of mapped bits for a status word). */
    public JsonNode encode(List<EventType> types) {
        if (isBitField()) {
            long word = 0;
            for (EventType type : types) {
                word |= 1L << bits.entrySet().stream().filter(e -> e.getValue() == type).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(pointer + " has no bit for " + type)).getKey();
            }
            return JsonNodeFactory.instance.numberNode(word);
        }
        if (types.size() != 1) {
            throw new IllegalArgumentException(pointer + " can carry one event per message, not " + types);
        }
        return codes.entrySet().stream().filter(e -> e.getValue().equals(Optional.of(types.get(0)))).findFirst()
                .map(e -> codeNode(e.getKey()))
                .orElseThrow(() -> new IllegalArgumentException(pointer + " has no code for " + types.get(0)));
    }

    private JsonNode codeNode(String code) {
        return codeType == CodeType.STRING ? JsonNodeFactory.instance.textNode(code)
                : JsonNodeFactory.instance.numberNode(Long.parseLong(code));
    }
}
