package org.linli.gateway.serial;

import org.linli.drivers.serial.cjt188.StatusProfile;
import org.linli.drivers.serial.cjt188.StatusProfiles;
import org.linli.drivers.serial.modbus.ModbusModelProfile;
import org.linli.drivers.serial.modbus.ModbusModelProfiles;
import org.linli.gateway.config.SerialProtocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the profile a serial device names: first {@code <profileDir>/cjt188/<name>.yaml} or
 * {@code <profileDir>/modbus/<name>.yaml} (an installer's new meter model), then the built-in ones on the classpath.
 * Errors are IllegalArgumentExceptions naming the file and, for a profile that does not bind, the line and key
 * ({@link SerialProfileCheck} reports them at load time).
 */
public final class SerialProfiles {
    private final Path dir;

    /** {@code profileDir} may be null: built-in profiles only. */
    public SerialProfiles(String profileDir) {
        this.dir = profileDir == null ? null : Path.of(profileDir);
    }

    public StatusProfile cjt188(String name) {
        Path file = file(SerialProtocol.CJT188, name);
        if (file == null) {
            return StatusProfiles.load(name);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return StatusProfiles.parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public ModbusModelProfile modbus(String name) {
        Path file = file(SerialProtocol.MODBUS, name);
        if (file == null) {
            return ModbusModelProfiles.load(name);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ModbusModelProfiles.parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Whether a profile of that name is found at all, in the profile folder or built in (it may still be invalid). */
    public boolean exists(SerialProtocol protocol, String name) {
        return file(protocol, name) != null || (!name.contains("/") && !name.contains("..")
                && SerialProfiles.class.getClassLoader().getResource("profiles/" + protocol.id() + "/" + name + ".yaml") != null);
    }

    private Path file(SerialProtocol protocol, String name) {
        if (dir == null || name.contains("/") || name.contains("..")) {
            return null;
        }
        Path f = dir.resolve(protocol.id()).resolve(name + ".yaml");
        return Files.isRegularFile(f) ? f : null;
    }
}
