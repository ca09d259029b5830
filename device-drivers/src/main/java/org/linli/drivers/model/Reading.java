package org.linli.drivers.model;

import java.time.Instant;
import java.util.Objects;

/** One measured value of one device at one instant. */
public record Reading(String deviceId, Quantity quantity, double value, Instant time) {
    public Reading {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(time, "time");
    }
}
