package org.linli.drivers.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;

/** Builds the human-readable rejection messages that name the pointer and show what was found. */
final class JsonValues {
    private static final int SHOWN_CHARS = 40;

    private JsonValues() {
    }

    static DecodeException wrongType(String pointer, String expected, JsonNode found) {
        return new DecodeException(DecodeFailure.WRONG_TYPE, pointer + ": expected " + expected + ", got " + describe(found));
    }

    static DecodeException missing(String pointer, String what) {
        return new DecodeException(DecodeFailure.MISSING_FIELD, pointer + ": required " + what + " is missing");
    }

    /** e.g. {@code string "abc"}, {@code number 12.5}, {@code object}; long values are cut so a message stays one line. */
    static String describe(JsonNode node) {
        String kind = switch (node.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case OBJECT -> "object";
            case ARRAY -> "array";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
        if (node.isContainerNode()) {
            return kind;
        }
        String shown = node.toString();
        if (shown.length() > SHOWN_CHARS) {
            shown = shown.substring(0, SHOWN_CHARS) + "...";
        }
        return node.isNull() ? kind : kind + " " + shown;
    }
}
