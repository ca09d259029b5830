package org.linli.drivers.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;

/**
 * How a vendor writes a raw reading in JSON. Decimals are kept as {@link BigDecimal} until scaled, so that
 * {@code 123 * 0.1} is 12.3 and not 12.300000000000001.
 */
public enum ValueEncoding {
    /** Any JSON number. */
    NUMBER,
    /** A JSON integer (scaled-integer vendors); a fraction is a wrong type. */
    INTEGER,
    /** A decimal number inside a JSON string, e.g. {@code "3.02"}. */
    STRING,
    /** JSON true/false, read as 1/0. */
    BOOLEAN;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
    /**
     * The largest magnitude a raw reading may have, in decimal digits before and after the point. A short JSON
     * number such as {@code 1e10000000} would otherwise make the scaling arithmetic build a BigDecimal of ten
     * million digits (seconds of CPU on the event loop); no meter or detector sends more than these.
     */
    static final int MAX_INTEGER_DIGITS = 20;
    static final int MAX_FRACTION_DIGITS = 30;

    public static ValueEncoding fromId(String id) {
        for (ValueEncoding e : values()) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown value type '" + id + "' (expected number, integer, string or boolean)");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The raw (unscaled) value at {@code pointer}, refused before any arithmetic when its magnitude is absurd. */
    public BigDecimal read(String pointer, JsonNode node) throws DecodeException {
        BigDecimal raw = readUnchecked(pointer, node);
        // precision and scale are fields of the BigDecimal: this check costs nothing whatever the exponent
        if (raw.signum() != 0 && (raw.precision() - raw.scale() > MAX_INTEGER_DIGITS || raw.scale() > MAX_FRACTION_DIGITS)) {
            throw new DecodeException(DecodeFailure.OUT_OF_RANGE, pointer + ": " + JsonValues.describe(node)
                    + " has more than " + MAX_INTEGER_DIGITS + " integer or " + MAX_FRACTION_DIGITS + " decimal digits");
        }
        return raw;
    }

    private BigDecimal readUnchecked(String pointer, JsonNode node) throws DecodeException {
        switch (this) {
            case NUMBER -> {
                if (node.isNumber()) {
                    return node.decimalValue();
                }
                throw JsonValues.wrongType(pointer, "a number", node);
            }
            case INTEGER -> {
                if (node.isIntegralNumber()) {
                    return node.decimalValue();
                }
                throw JsonValues.wrongType(pointer, "an integer", node);
            }
            case STRING -> {
                if (node.isTextual() && DECIMAL.matcher(node.textValue()).matches()) {
                    return new BigDecimal(node.textValue());
                }
                throw JsonValues.wrongType(pointer, "a decimal number in a string", node);
            }
            default -> {
                if (node.isBoolean()) {
                    return node.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
                }
                throw JsonValues.wrongType(pointer, "true or false", node);
            }
        }
    }

    /** The JSON value a vendor would send for {@code raw}; integers are rounded half-up, as a device would. */
    public JsonNode write(BigDecimal raw) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return switch (this) {
            case NUMBER -> json.numberNode(raw.stripTrailingZeros());
            case INTEGER -> json.numberNode(raw.setScale(0, RoundingMode.HALF_UP).longValueExact());
            case STRING -> json.textNode(raw.stripTrailingZeros().toPlainString());
            case BOOLEAN -> json.booleanNode(raw.signum() != 0);
        };
    }
}
