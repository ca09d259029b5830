package org.linli.drivers.mqtt;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.linli.drivers.model.DecodeException;

/**
 * Fuzz target: any MQTT payload through every built-in vendor profile's decoder. The oracle is the decoder's
 * contract: a result or a DecodeException; any other throwable, or an input slower than the timeout, is a finding.
 * The corpus (golden payloads and every finding) is in MqttPayloadFuzzTestInputs/payload and runs in every
 * {@code mvn verify}; .ci/fuzz fuzzes it for real.
 */
class MqttPayloadFuzzTest {
    private static final VendorProfiles PROFILES = VendorProfiles.builtIn();
    /** The device each profile's golden payloads name, so that fuzzing gets past the device id check. */
    private static final Map<String, String> DEVICE_IDS = Map.of(
            "acme-gas-flat", "868120300001234", "acme-water-flat", "41012345", "beacon-smoke-iso", "BC2401000123",
            "ctwing-smoke", "10086001", "ctwing-water", "20231108", "onenet-gas", "gas-0703-2");
    private static final Instant RECEIVED_AT = Instant.parse("2024-11-25T02:30:00Z");

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // guards regression runs; fuzzing runs pass -timeout=2 per input
    void payload(byte[] payload) {
        for (VendorProfile profile : PROFILES.all()) {
            try {
                profile.decoder().decode(DEVICE_IDS.getOrDefault(profile.name(), "d1"), payload, RECEIVED_AT);
            } catch (DecodeException expected) {
                // the documented way to refuse a payload
            }
        }
    }
}
