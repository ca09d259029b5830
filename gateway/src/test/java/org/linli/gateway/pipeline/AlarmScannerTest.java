package org.linli.gateway.pipeline;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pre-decode alarm check finds each shipped profile's alarm code, wherever it sits, and passes routine reports. */
class AlarmScannerTest {
    private static final VendorProfileCatalog PROFILES = VendorProfileCatalog.load(null);

    private static boolean urgent(String profile, String json) {
        return PROFILES.mayCarryAlarm(profile, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("an alarm code of every alarm-capable profile is urgent; the same message without it is not")
    void alarmsOfEveryProfile() {
        // GIVEN / WHEN / THEN: acme (code 1 at /st), beacon (string code fire at /event), ctwing (nested /payload),
        // OneNET (the value inside the property object, before or after its time)
        assertTrue(urgent("acme-gas-flat", "{\"imei\":\"1\",\"ts\":1,\"t\":\"rpt\",\"gas\":900,\"st\":1,\"stw\":0}"));
        assertFalse(urgent("acme-gas-flat", "{\"imei\":\"1\",\"ts\":1,\"t\":\"rpt\",\"gas\":1,\"st\":0,\"stw\":1}"));
        assertTrue(urgent("beacon-smoke-iso", "{\"dev\":{\"sn\":\"B\"},\"time\":\"x\",\"event\":\"fire\",\"data\":{}}"));
        assertFalse(urgent("beacon-smoke-iso", "{\"dev\":{\"sn\":\"fire\"},\"time\":\"x\",\"event\":\"report\",\"data\":{\"event\":\"fire\"}}"));
        assertTrue(urgent("ctwing-smoke", "{\"deviceId\":\"1\",\"serviceId\":\"smoke_report\",\"payload\":{\"smoke_value\":1.2,\"smoke_state\":1}}"));
        assertFalse(urgent("ctwing-smoke", "{\"deviceId\":\"1\",\"serviceId\":\"smoke_report\",\"payload\":{\"smoke_state\":0,\"fault_state\":1}}"));
        assertTrue(urgent("onenet-gas", "{\"id\":\"4\",\"params\":{\"gas_concentration\":{\"value\":1,\"time\":1},\"alarm_state\":{\"time\":1,\"value\":1}}}"));
        assertFalse(urgent("onenet-gas", "{\"id\":\"4\",\"params\":{\"alarm_state\":{\"value\":0,\"time\":1},\"fault_code\":{\"value\":1}}}"));
        // a water meter cannot raise an alarm, and unreadable JSON is left to the decoder
        assertFalse(urgent("acme-water-flat", "{\"meter\":\"1\",\"t\":1,\"tot\":1,\"sw\":15}"));
        assertFalse(urgent("acme-gas-flat", "st:1 not json"));
    }
}
