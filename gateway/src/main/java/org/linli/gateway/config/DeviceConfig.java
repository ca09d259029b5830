package org.linli.gateway.config;

/**
 * One installed device. {@code location} is {@code B-U-F} for a household (3-2-501), {@code B-U} for a unit,
 * {@code B} for a building, or {@code B:area} for a building's common area (7:boiler-room).
 * {@code profile} names the vendor payload profile that decodes its messages; for a serial device it names the
 * CJ/T 188 status profile or the Modbus model profile.
 * <p>
 * Serial devices ({@code transport: serial}) also name their {@code bus} (a {@code serial.buses[].name}), their
 * {@code address} on it (14 CJ/T 188 digits, quoted so YAML keeps the leading zeros, or a Modbus slave 1..247)
 * and their {@code protocol} ({@code cjt188} or {@code modbus}). Null for other transports.
 */
public record DeviceConfig(String id, String type, String profile, String location, String transport,
                           String bus, String address, String protocol) {

    public DeviceConfig(String id, String type, String profile, String location, String transport) {
        this(id, type, profile, location, transport, null, null, null);
    }

    public boolean isSerial() {
        return "serial".equals(transport);
    }
}
