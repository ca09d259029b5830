package org.linli.gateway.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.drivers.model.DeviceType;
import org.linli.gateway.TestSites;
import org.linli.gateway.sitefile.SiteFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SerialConfigTest {
    private static final String SERIAL = """
            serial:
              buses:
                - {name: b3-meters, port: /dev/ttyUSB0, baud: 2400, parity: even, location: "3", pollIntervalSeconds: 300}
                - {name: b7-modbus, port: /dev/ttyUSB1}
            """;

    private static String site(String devices) {
        return TestSites.smallYaml().replace("devices:\n", "devices:\n" + devices) + SERIAL;
    }

    private static ConfigException invalid(String yaml) {
        return assertThrows(ConfigException.class, () -> SiteFiles.parse(yaml, "test.yaml", TestSites.PROFILES, TestSites.ENV));
    }

    @Test
    @DisplayName("a serial section and serial devices bind with their defaults: 8 data bits, 1 stop bit, 500 ms, 2 retries")
    void validSerialSection() throws ConfigException {
        // GIVEN a CJ/T 188 meter and a Modbus meter on two buses
        String yaml = site("""
                  - {id: wm-3-2-501, type: water_meter, location: 3-2-501, transport: serial, bus: b3-meters, address: "78330011223344", protocol: cjt188, profile: cjt188-standard}
                  - {id: wm-7-1-101, type: water_meter, location: 7-1-101, transport: serial, bus: b7-modbus, address: 5, protocol: modbus, profile: wm-float-dcba}
                """);
        // WHEN it is loaded
        SiteConfig c = SiteFiles.parse(yaml, "test.yaml", TestSites.PROFILES, TestSites.ENV);
        // THEN the buses and devices carry what the file said, with defaults filled in
        SerialBusConfig b = c.serial().buses().get(0);
        assertEquals(2400, b.baud());
        assertEquals(Parity.EVEN, b.parity());
        assertEquals(SerialProtocol.MODBUS, c.devices().stream().filter(d -> d.id().equals("wm-7-1-101")).findFirst()
                .orElseThrow().protocol());
        assertEquals(8, b.dataBits());
        assertEquals(500, b.timeoutMs());
        assertEquals(2, b.retries());
        DeviceConfig modbus = c.devices().stream().filter(d -> d.id().equals("wm-7-1-101")).findFirst().orElseThrow();
        assertEquals("5", modbus.address());
        assertEquals("b7-modbus", modbus.bus());
    }

    @Test
    @DisplayName("unknown bus, bad addresses, unknown profiles and a duplicate address on a bus are each reported at their path")
    void problemsNamedByPath() {
        // GIVEN serial devices with every kind of mistake
        ConfigException e = invalid(site("""
                  - {id: a, type: water_meter, location: 3-2-501, transport: serial, bus: nowhere, address: "78330011223344", protocol: cjt188, profile: cjt188-standard}
                  - {id: b, type: water_meter, location: 3-2-501, transport: serial, bus: b3-meters, address: "7833001122", protocol: cjt188, profile: cjt188-standard}
                  - {id: c, type: water_meter, location: 3-2-501, transport: serial, bus: b7-modbus, address: 300, protocol: modbus, profile: wm-float-dcba}
                  - {id: d, type: water_meter, location: 3-2-501, transport: serial, bus: b7-modbus, address: 4, protocol: modbus, profile: no-such-model}
                  - {id: e, type: water_meter, location: 3-2-501, transport: serial, bus: b3-meters, address: "78330000000001", protocol: cjt188, profile: cjt188-standard}
                  - {id: f, type: water_meter, location: 3-2-501, transport: serial, bus: b3-meters, address: "78330000000001", protocol: cjt188, profile: cjt188-standard}
                """).replace("baud: 2400", "baud: 2400, stopBits: 3"));
        // THEN each problem names the device and field
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("devices[0] (a).bus: unknown bus 'nowhere'"), all);
        assertTrue(all.contains("devices[1] (b).address: a CJ/T 188 meter address is 14 digits"), all);
        assertTrue(all.contains("devices[2] (c).address: a Modbus slave address is 1..247"), all);
        assertTrue(all.contains("devices[3] (d).profile: unknown modbus profile 'no-such-model'"), all);
        assertTrue(all.contains("devices[5] (f).address: address 78330000000001 on bus 'b3-meters' is already used by device 'e'"), all);
        assertTrue(all.contains("serial.buses[0] (b3-meters): stopBits must be 1 or 2"), all);
    }

    @Test
    @DisplayName("a CJ/T 188 heat meter (type heat_meter) is accepted on a bus; a CJ/T 188 device of another type is refused, naming the types that fit")
    void heatMeterOnCjt188() throws ConfigException {
        // GIVEN a building heat meter in the boiler room on the CJ/T 188 bus
        String heat = """
                  - {id: heat-7, type: heat_meter, location: "7:boiler-room", transport: serial, bus: b3-meters, address: "78330000000099", protocol: cjt188, profile: cjt188-standard}
                """;
        // WHEN it is loaded
        SiteConfig c = SiteFiles.parse(site(heat), "test.yaml", TestSites.PROFILES, TestSites.ENV);
        // THEN it binds as a heat meter on that bus
        DeviceConfig d = c.devices().stream().filter(x -> x.id().equals("heat-7")).findFirst().orElseThrow();
        assertEquals(DeviceType.HEAT_METER, d.type());
        assertEquals("b3-meters", d.bus());
        // AND a smoke detector claiming to speak CJ/T 188 is refused with the types that fit
        ConfigException e = invalid(site(heat.replace("heat_meter", "smoke_detector")));
        assertTrue(String.join("\n", e.problems()).contains(
                "(heat-7).type: CJ/T 188 devices are read as water_meter or heat_meter; got type 'smoke_detector'"),
                String.join("\n", e.problems()));
    }

    @Test
    @DisplayName("an unknown serial protocol is refused while the file is read, with its line, its path and the allowed values")
    void unknownProtocolRefusedWithLine() {
        // GIVEN a serial device whose protocol is misspelt
        String yaml = site("""
                  - {id: g, type: water_meter, location: 3-2-501, transport: serial, bus: b3-meters, address: "78330000000002", protocol: mbus, profile: x}
                """);
        // WHEN it is loaded
        ConfigException e = invalid(yaml);
        // THEN the one problem names the line of the device, its path and the protocols there are
        int line = (int) yaml.substring(0, yaml.indexOf("protocol: mbus")).chars().filter(ch -> ch == '\n').count() + 1;
        assertEquals(1, e.problems().size(), e.getMessage());
        String p = e.problems().get(0);
        assertTrue(p.startsWith("line " + line + ", column ") && p.contains("devices[0] (g).protocol: unknown protocol 'mbus' "
                + "(allowed: cjt188, modbus)"), p);
    }

    @Test
    @DisplayName("a parity that is not none, even or odd is refused with its line and the allowed values")
    void unknownParityRefused() {
        ConfigException e = invalid(site("").replace("parity: even", "parity: evn"));
        assertTrue(e.problems().get(0).matches("line \\d+, column \\d+: serial\\.buses\\[0] \\(b3-meters\\)\\.parity: unknown parity 'evn' "
                + "\\(did you mean 'even'\\? allowed: none, even, odd\\)"), e.getMessage());
    }

    @Test
    @DisplayName("a typo in an installer's Modbus profile (scal:) stops check-config, naming the device, the profile file, its line and the allowed keys")
    void profileTypoInProfileDirRefused(@TempDir Path dir) throws IOException {
        // GIVEN a profile folder with a model whose scale key is misspelt, and a device using it
        Files.createDirectories(dir.resolve("modbus"));
        Files.writeString(dir.resolve("modbus/wm-typo.yaml"), """
                model: wm-typo
                deviceType: water_meter
                function: 3
                points:
                  - name: forward_total
                    address: "0x0010"
                    type: bcd32
                    scal: 0.01
                    quantity: WATER_TOTAL_M3
                """);
        String yaml = site("""
                  - {id: wm-typo, type: water_meter, location: 3-2-501, transport: serial, bus: b7-modbus, address: 5, protocol: modbus, profile: wm-typo}
                """) + "  profileDir: " + dir + "\n";
        // WHEN the site is loaded
        ConfigException e = invalid(yaml);
        // THEN the problem names the device, the file, the line of the typo and the keys a point may have
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("devices[0] (wm-typo).profile: invalid modbus profile 'wm-typo': ")
                && all.contains("wm-typo.yaml: line 8, column ") && all.contains("points[0].scal: unknown key 'scal' (allowed: "
                + "address, bits, name, offset, order, quantity, scale, type, values)"), all);
    }

    @Test
    @DisplayName("a profile folder profile that binds is used, and a wrong value type in it (scale: abc) is refused")
    void profileDirScaleNotANumberRefused(@TempDir Path dir) throws IOException {
        // GIVEN a valid installer profile
        Files.createDirectories(dir.resolve("modbus"));
        String profile = """
                model: wm-local
                deviceType: water_meter
                function: 3
                points:
                  - {name: forward_total, address: 16, type: bcd32, scale: 0.01, quantity: WATER_TOTAL_M3}
                """;
        Files.writeString(dir.resolve("modbus/wm-local.yaml"), profile);
        String yaml = site("""
                  - {id: wm-local, type: water_meter, location: 3-2-501, transport: serial, bus: b7-modbus, address: 5, protocol: modbus, profile: wm-local}
                """) + "  profileDir: " + dir + "\n";
        // WHEN it is loaded THEN it is accepted
        assertDoesNotThrow(() -> SiteFiles.parse(yaml, "test.yaml", TestSites.PROFILES, TestSites.ENV));
        // AND with scale: abc the profile is refused, naming the key and the value
        Files.writeString(dir.resolve("modbus/wm-local.yaml"), profile.replace("scale: 0.01", "scale: abc"));
        String all = String.join("\n", invalid(yaml).problems());
        assertTrue(all.contains("wm-local.yaml: line 5, column ") && all.contains("points[0].scale") && all.contains("abc"), all);
    }
}
