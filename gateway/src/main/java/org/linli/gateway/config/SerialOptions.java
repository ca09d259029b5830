package org.linli.gateway.config;

import java.util.List;

/**
 * The {@code serial:} section: the RS-485 buses this gateway polls (devices on them are listed under
 * {@code devices:}), and optionally {@code profileDir}, a folder with {@code cjt188/*.yaml} and {@code modbus/*.yaml}
 * profile files for meter models the built-in profiles do not cover (looked up before the built-in ones).
 */
public record SerialOptions(List<SerialBusConfig> buses, String profileDir) {
    public SerialOptions {
        buses = buses == null ? List.of() : List.copyOf(buses);
    }

    /** No buses, the built-in profiles only: the section's default when the file has none. */
    public static SerialOptions none() {
        return new SerialOptions(List.of(), null);
    }

    /** These buses, the built-in profiles only. */
    public static SerialOptions of(List<SerialBusConfig> buses) {
        return new SerialOptions(buses, null);
    }
}
