package org.linli.gateway.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.gateway.site.CareFlag;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.sitefile.SiteFiles;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExampleConfigTest {

    @Test
    @DisplayName("the shipped example site file validates against the built-in profiles and routes every device to a grid worker")
    void exampleIsValid() throws Exception {
        Map<String, String> env = Map.of("LINLI_INFLUX_TOKEN", "t", "LINLI_MQTT_PASSWORD", "p");
        SiteConfig c = SiteFiles.load(Path.of("..", "examples", "xingfuli.yaml"),
                VendorProfileCatalog.load(null).deviceTypes(), env::get);
        SiteDirectory site = SiteDirectory.from(c);
        assertEquals(12 * 2 * 12, site.householdCount());
        assertTrue(site.devices().stream().allMatch(d -> d.grid() != null && d.grid().worker() != null));
        assertTrue(site.household("3-2-501").orElseThrow().care().contains(CareFlag.ELDERLY_LIVING_ALONE));
        assertEquals("陈静", site.device("866200007001").orElseThrow().grid().worker().name());
    }
}
