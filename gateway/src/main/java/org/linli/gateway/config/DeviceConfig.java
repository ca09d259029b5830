package org.linli.gateway.config;

/**
 * One installed device. {@code location} is {@code B-U-F} for a household (3-2-501), {@code B-U} for a unit,
 * {@code B} for a building, or {@code B:area} for a building's common area (7:boiler-room).
 * {@code profile} names the vendor payload profile that decodes its messages.
 */
public record DeviceConfig(String id, String type, String profile, String location, String transport) {
}
