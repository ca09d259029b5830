package org.linli.drivers.mqtt;

import com.fasterxml.jackson.core.JsonPointer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.Optional;
import org.linli.drivers.model.Quantity;

/**
 * Where one quantity sits in a vendor payload and how its raw value maps onto the internal unit:
 * {@code value = raw * scale + offset}.
 *
 * @param timePointer where this value's own timestamp sits (OneNET puts one per property); empty = message time
 */
public record ReadingField(String pointer, Quantity quantity, ValueEncoding encoding, BigDecimal scale,
                           BigDecimal offset, boolean required, Optional<String> timePointer) {
    public ReadingField {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(encoding, "encoding");
        JsonPointer.compile(pointer);
        timePointer.ifPresent(JsonPointer::compile);
        if (scale.signum() == 0) {
            throw new IllegalArgumentException("scale must not be 0");
        }
    }

    /** The value in the quantity's unit; may be infinite for absurd input (the caller range-checks). */
    public double toValue(BigDecimal raw) {
        return raw.multiply(scale).add(offset).doubleValue();
    }

    /** The inverse of {@link #toValue}, used by simulators to speak the vendor's format. */
    public BigDecimal toRaw(double value) {
        return BigDecimal.valueOf(value).subtract(offset).divide(scale, MathContext.DECIMAL64);
    }
}
