package org.linli.gateway;

import org.linli.drivers.model.DeviceType;
import org.linli.gateway.config.ConfigException;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.sitefile.SiteFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/** Factory helpers for test configurations. */
public final class TestSites {
    public static final Map<String, DeviceType> PROFILES = Map.of(
            "test-gas", DeviceType.GAS_ALARM,
            "test-smoke", DeviceType.SMOKE_DETECTOR,
            "test-water", DeviceType.WATER_METER);
    public static final Function<String, String> ENV = name -> "LINLI_INFLUX_TOKEN".equals(name) ? "test-token" : null;

    private TestSites() {
    }

    public static String smallYaml() {
        try (InputStream in = TestSites.class.getResourceAsStream("/site-small.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SiteConfig small() {
        try {
            return SiteFiles.parse(smallYaml(), "site-small.yaml", PROFILES, ENV);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
