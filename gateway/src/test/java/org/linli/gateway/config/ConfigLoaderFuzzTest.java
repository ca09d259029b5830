package org.linli.gateway.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Timeout;
import org.linli.drivers.model.DeviceType;
import org.linli.drivers.mqtt.VendorProfile;
import org.linli.drivers.mqtt.VendorProfiles;
import org.linli.gateway.TestSites;
import org.linli.gateway.sitefile.SiteFiles;

/**
 * Fuzz target: any site file text through {@link SiteFiles#parse} (ConfigLoader and the domain checks). A
 * SiteConfig or a ConfigException naming the problems is fine; any other throwable or a slow input is a finding.
 * Corpus: the test and example site files (ConfigLoaderFuzzTestInputs/site).
 */
class ConfigLoaderFuzzTest {
    private static final Map<String, DeviceType> PROFILES = profiles();
    /** Every LINLI_* variable is set, so that secrets resolve and validation goes on past them. */
    private static final Function<String, String> ENV = name -> name.startsWith("LINLI_") ? "secret" : null;

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // guards regression runs; fuzzing runs pass -timeout=2 per input
    void site(byte[] input) {
        try {
            SiteFiles.parse(new String(input, StandardCharsets.UTF_8), "fuzz.yaml", PROFILES, ENV);
        } catch (ConfigException expected) {
            // the documented way to refuse a site file
        }
    }

    private static Map<String, DeviceType> profiles() {
        Map<String, DeviceType> all = new HashMap<>(TestSites.PROFILES);
        for (VendorProfile p : VendorProfiles.builtIn().all()) {
            all.put(p.name(), p.deviceType());
        }
        return all;
    }
}
