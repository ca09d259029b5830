package org.linli.gateway.camera;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.DeviceType;
import org.linli.gateway.TestSites;
import org.linli.gateway.config.CamerasOptions;
import org.linli.gateway.config.ConfigException;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.sitefile.SiteFiles;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cameras: section: binding, defaults, validation problems named by path, cameras as CAMERA devices. */
class CameraConfigTest {
    private static final Function<String, String> ENV = n -> switch (n) {
        case "LINLI_INFLUX_TOKEN" -> "t";
        case "CAM_PW" -> "secret";
        default -> null;
    };

    private static SiteConfig parse(String cameras) throws ConfigException {
        return SiteFiles.parse(TestSites.smallYaml() + cameras, "site.yaml", TestSites.PROFILES, ENV);
    }

    @Test
    @DisplayName("a valid cameras: section binds with defaults and its cameras become CAMERA devices at their first covered place")
    void binds() throws Exception {
        // GIVEN a camera with only the required fields
        SiteConfig c = parse("""
                cameras:
                  devices:
                    - id: cam-7-gate
                      xaddr: http://192.168.1.64/onvif/device_service
                      username: admin
                      passwordEnv: CAM_PW
                      covers: ["7:boiler-room", "7-1"]
                      motionWindows: [{from: "22:00", to: "06:00"}]
                """);
        // THEN defaults are filled in
        var cam = c.cameras().devices().get(0);
        assertEquals("Asia/Shanghai", c.cameras().timeZone());
        assertEquals("generic", cam.model());
        assertEquals(600, cam.subscriptionSeconds());
        assertEquals(30, cam.pollTimeoutSeconds());
        // and the site directory files the camera as a device of building 7's grid
        var device = SiteDirectory.from(c).device("cam-7-gate").orElseThrow();
        assertEquals(DeviceType.CAMERA, device.type());
        assertEquals("7:boiler-room", device.location().toString());
        assertEquals("g2", device.grid().id());
        assertEquals("onvif", device.transport());
    }

    @Test
    @DisplayName("a site without cameras has the default section with no cameras, loaded or built with SiteConfig.of")
    void absent() throws Exception {
        // WHEN a file without a cameras: section is loaded, or a site is built without one
        SiteConfig c = parse("");
        SiteConfig built = SiteConfig.of(c.site(), c.grids(), c.devices(), c.mqtt(), c.influx());
        // THEN both have the section at its defaults, with no cameras
        assertEquals(CamerasOptions.none(), c.cameras());
        assertEquals(CamerasOptions.none(), built.cameras());
        assertTrue(c.cameras().devices().isEmpty());
    }

    @Test
    @DisplayName("every camera mistake is reported with its path: id clash, bad URI, unset password variable, unknown place, model, time, durations, zone")
    void problems() {
        // GIVEN a section with one mistake per field
        ConfigException e = assertThrows(ConfigException.class, () -> parse("""
                cameras:
                  timeZone: Mars/Olympus
                  devices:
                    - id: gas-3-2-501
                      model: nosuchvendor
                      xaddr: ftp://camera
                      username: admin
                      passwordEnv: CAM_UNSET
                      covers: ["9", "7:roof"]
                      motionWindows: [{from: "25:00", to: "06:00"}]
                      pollTimeoutSeconds: 120
                      subscriptionSeconds: 1
                    - id: cam-2
                      xaddr: http://10.0.0.2/onvif/device_service
                      username: admin
                      passwordEnv: CAM_PW
                """));
        String m = e.getMessage();
        // THEN each is named by its path
        assertTrue(m.contains("cameras.timeZone: unknown time zone 'Mars/Olympus'"), m);
        assertTrue(m.contains("cameras.devices[0] (gas-3-2-501).id: id 'gas-3-2-501' is already used"), m);
        assertTrue(m.contains("cameras.devices[0] (gas-3-2-501).xaddr: 'ftp://camera' is not an http(s) URI"), m);
        assertTrue(m.contains("cameras.devices[0] (gas-3-2-501).passwordEnv: environment variable CAM_UNSET is not set"), m);
        assertTrue(m.contains("cameras.devices[0] (gas-3-2-501).model: no ONVIF topic profile profiles/onvif/nosuchvendor.yaml"), m);
        assertTrue(m.contains("cameras.devices[0] (gas-3-2-501).covers[0]: building '9' is not in site.buildings"), m);
        assertTrue(m.contains("cameras.devices[0] (gas-3-2-501).covers[1]: building 7 has no area 'roof'"), m);
        assertTrue(m.contains("cameras.devices[0] (gas-3-2-501).motionWindows[0].from: '25:00' is not a time of day"), m);
        assertTrue(m.contains("cameras.devices[0] (gas-3-2-501).pollTimeoutSeconds: must be 1..60"), m);
        assertTrue(m.contains("cameras.devices[0] (gas-3-2-501).subscriptionSeconds: must be at least 2"), m);
        assertTrue(m.contains("cameras.devices[1] (cam-2).covers: missing"), m);
    }

    @Test
    @DisplayName("allowBasicOverHttp is off unless a camera sets it, and a value that is not a boolean is an error naming its line")
    void allowBasicOverHttp() throws Exception {
        String cam = """
                cameras:
                  devices:
                    - id: cam-a
                      xaddr: http://192.168.1.64/onvif/device_service
                      username: admin
                      passwordEnv: CAM_PW
                      covers: ["7"]
                    - id: cam-b
                      xaddr: http://192.168.1.65/onvif/device_service
                      username: admin
                      passwordEnv: CAM_PW
                      covers: ["7"]
                      allowBasicOverHttp: %s
                """;
        SiteConfig c = parse(cam.formatted("true"));
        assertEquals(false, c.cameras().devices().get(0).allowBasicOverHttp());
        assertEquals(true, c.cameras().devices().get(1).allowBasicOverHttp());
        ConfigException e = assertThrows(ConfigException.class, () -> parse(cam.formatted("maybe")));
        assertTrue(e.getMessage().contains("allowBasicOverHttp") && e.getMessage().contains("line "), e.getMessage());
    }
}
