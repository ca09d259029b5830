package org.linli.gateway.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.linli.drivers.model.DeviceType;

/**
 * One installed device, of a {@code type} bound by its id ({@code gas_alarm}). {@code location} is {@code B-U-F} for a household (3-2-501), {@code B-U} for a unit,
 * {@code B} for a building, or {@code B:area} for a building's common area (7:boiler-room).
 * {@code profile} names the vendor payload profile that decodes its messages; for a serial device it names the
 * CJ/T 188 status profile or the Modbus model profile.
 * <p>
 * Serial devices ({@code transport: serial}) also name their {@code bus} (a {@code serial.buses[].name}), their
 * {@code address} on it (14 CJ/T 188 digits, quoted so YAML keeps the leading zeros, or a Modbus slave 1..247)
 * and their {@code protocol} ({@code cjt188} or {@code modbus}). Null for other transports. {@code transport} is
 * {@code mqtt} when the file does not say.
 */
public record DeviceConfig(String id,
                           @JsonDeserialize(using = DeviceTypeId.Reader.class)
                           @JsonSerialize(using = DeviceTypeId.Writer.class) DeviceType type,
                           String profile, String location, Transport transport,
                           String bus, String address, SerialProtocol protocol) {
    public DeviceConfig {
        transport = transport == null ? Transport.MQTT : transport;
    }

    /** A device whose messages arrive over MQTT, decoded by the vendor profile {@code profile}. */
    public static DeviceConfig mqtt(String id, DeviceType type, String profile, String location) {
        return new DeviceConfig(id, type, profile, location, Transport.MQTT, null, null, null);
    }

    /** A device polled at {@code address} on the serial bus {@code bus}, read with the {@code protocol} profile. */
    public static DeviceConfig serial(String id, DeviceType type, String profile, String location, String bus,
                                      String address, SerialProtocol protocol) {
        return new DeviceConfig(id, type, profile, location, Transport.SERIAL, bus, address, protocol);
    }

    public boolean isSerial() {
        return transport == Transport.SERIAL;
    }
}
