package org.linli.sim.e2e;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FIELD-NOTES §6: one failed bus must raise one alert, not one per meter behind it. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SerialPortPulledTest {

    @Test
    @DisplayName("pulling the adapter (socat stopped) raises exactly one BUS_OFFLINE alert, routed to the adapter's "
            + "building, with every meter PARENT_OFFLINE and no meter alert; putting it back reopens the port, clears "
            + "the alert and the meters answer again")
    void adapterPulledAndReplugged(@TempDir Path dir) throws Exception {
        try (SerialRig rig = new SerialRig(dir, List.<Object[]>of(new Object[]{"bus-cjt", "cjt188", 12}), SerialRig.FAST)) {
            // GIVEN a healthy bus
            E2eHarness.await("all meters ONLINE", Duration.ofSeconds(15),
                    () -> states(rig).size() == 12 && states(rig).values().stream().allMatch("ONLINE"::equals));

            // WHEN the adapter is pulled, and stays out for longer than the meters' offline threshold
            rig.pairs.get("bus-cjt").stop();
            E2eHarness.await("bus OFFLINE", Duration.ofSeconds(10), () -> "OFFLINE".equals(state(rig)));
            E2eHarness.await("the bus alert", Duration.ofSeconds(10), () -> count(rig, "BUS_OFFLINE") == 1);
            E2eHarness.holds("no per-meter alert past the meters' offline threshold", Duration.ofMillis(3500),
                    () -> count(rig, "DEVICE_OFFLINE") == 0 && count(rig, "BUS_OFFLINE") == 1);

            // THEN one bus alert, every meter PARENT_OFFLINE, no meter alert
            List<JsonObject> busAlerts = rig.alerts("BUS_OFFLINE");
            assertEquals(1, busAlerts.size(), busAlerts.toString());
            JsonObject alert = busAlerts.get(0);
            assertEquals("OPEN", alert.getString("state"));
            assertEquals("MAJOR", alert.getString("severity"));
            assertEquals(1, alert.getInteger("count"), "raised once, not repeated every reopen attempt");
            assertEquals("1", alert.getJsonObject("location").getString("building"));
            assertTrue(states(rig).values().stream().allMatch("PARENT_OFFLINE"::equals), states(rig).toString());
            assertTrue(rig.alerts("DEVICE_OFFLINE").isEmpty(), "no per-meter alerts behind a failed bus");

            // WHEN the adapter is plugged back in
            rig.pairs.get("bus-cjt").start();

            // THEN the port is reopened, the bus alert is cleared and the meters answer again
            E2eHarness.await("bus ONLINE and meters answering", Duration.ofSeconds(15),
                    () -> "ONLINE".equals(state(rig)) && states(rig).values().stream().allMatch("ONLINE"::equals));
            busAlerts = rig.alerts("BUS_OFFLINE");
            assertEquals(1, busAlerts.size(), busAlerts.toString());
            assertEquals("DEVICE_CLEARED", busAlerts.get(0).getString("state"));
            assertTrue(rig.alerts("DEVICE_OFFLINE").isEmpty(), "still no per-meter alerts");
            assertTrue(rig.bus("bus-cjt").getLong("opens") >= 2, "reopened");
        }
    }

    private static String state(SerialRig rig) {
        try {
            return rig.bus("bus-cjt").getString("state");
        } catch (Exception e) {
            return "?";
        }
    }

    private static Map<String, String> states(SerialRig rig) {
        try {
            return rig.deviceStates("bus-cjt");
        } catch (Exception e) {
            return Map.of();
        }
    }

    private static int count(SerialRig rig, String type) {
        try {
            return rig.alerts(type).size();
        } catch (Exception e) {
            return -1;
        }
    }
}
