package org.linli.sim.e2e;

import io.vertx.core.json.JsonArray;
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

/** RS-485 meters end to end: socat ptys, simulated buses, the gateway's pollers, the pipeline and QuestDB. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SerialBusEndToEndTest {

    @Test
    @DisplayName("the gateway polls 36 CJ/T 188 meters and 20 Modbus meters on two buses and stores every reading the "
            + "simulated meters served, with the same totals; both buses and all meters are ONLINE and no alert is raised")
    void storesEveryServedReading(@TempDir Path dir) throws Exception {
        // GIVEN two simulated buses behind socat ptys, wired into a generated compound's water meters
        try (SerialRig rig = new SerialRig(dir, List.of(new Object[]{"bus-cjt", "cjt188", 36},
                new Object[]{"bus-modbus", "modbus", 20}), SerialRig.PATIENT)) {
            assertEquals(56, rig.plan.meterCount());

            // WHEN the gateway has polled every bus at least 3 times
            E2eHarness.await("3 poll cycles per bus", Duration.ofSeconds(20),
                    () -> rig.cycles("bus-cjt") >= 3 && rig.cycles("bus-modbus") >= 3, () -> {
                        try {
                            return rig.status().encode();
                        } catch (Exception e) {
                            return e.toString();
                        }
                    });
            JsonObject status = rig.status();
            rig.gateway.serial().stop(); // finish the device being polled, so the ledger holds nothing unread
            for (var sim : rig.sims.values()) {
                sim.close();
            }
            long served = rig.ledger.total();
            assertTrue(served >= 3 * 56, "served " + served);

            // THEN every served reading is in QuestDB, per meter with the same count and sum of totals
            E2eHarness.await("all " + served + " served readings stored", Duration.ofSeconds(20),
                    () -> rig.db.count("water_meter", "total_m3 is not null") == served,
                    () -> "stored " + rig.db.count("water_meter", "total_m3 is not null") + "; per device "
                            + rig.db.query("select device, count(total_m3) from water_meter group by device").encode()
                            + " served " + rig.ledger.devices().stream().map(d -> d + "=" + rig.ledger.count(d)).toList()
                            + " status " + status.encode());
            JsonArray rows = rig.db.query("select device, count(total_m3), sum(total_m3) from water_meter "
                    + "where total_m3 is not null group by device").getJsonArray("dataset");
            assertEquals(56, rows.size(), "meters with stored readings");
            for (int i = 0; i < rows.size(); i++) {
                JsonArray row = rows.getJsonArray(i);
                String device = row.getString(0);
                assertEquals(rig.ledger.count(device), row.getLong(1), "readings of " + device);
                assertEquals(rig.ledger.sum(device), row.getDouble(2), 1e-6 * Math.max(1, rig.ledger.sum(device)),
                        "sum of totals of " + device);
            }
            // AND the status tree shows everything healthy, with no failures counted and no alerts
            JsonArray buses = status.getJsonArray("buses");
            for (int i = 0; i < buses.size(); i++) {
                JsonObject bus = buses.getJsonObject(i);
                assertEquals("ONLINE", bus.getString("state"), bus.encode());
                assertTrue(bus.getJsonObject("failuresByReason").isEmpty(), bus.encode());
            }
            for (String bus : List.of("bus-cjt", "bus-modbus")) {
                Map<String, String> states = rig.deviceStates(bus);
                assertTrue(states.values().stream().allMatch("ONLINE"::equals), states.toString());
            }
            assertEquals(0, E2eHarness.getJson(rig.gateway.httpPort(), "/api/alerts").getInteger("count"));
        }
    }
}
