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
    @DisplayName("the gateway polls 36 CJ/T 188 water meters, a CJ/T 188 heat meter and 20 Modbus meters on two buses and "
            + "stores every reading the simulated meters served, with the same totals (m³, and kWh for the heat meter, "
            + "with its temperatures and working hours); both buses and all meters are ONLINE and no alert is raised")
    void storesEveryServedReading(@TempDir Path dir) throws Exception {
        // GIVEN two simulated buses behind socat ptys, wired into a generated compound's water meters, plus a heat meter
        try (SerialRig rig = new SerialRig(dir, List.of(new Object[]{"bus-cjt", "cjt188", 36, 1},
                new Object[]{"bus-modbus", "modbus", 20}), SerialRig.PATIENT)) {
            assertEquals(57, rig.plan.meterCount());
            String heat = "heat-bus-cjt-1";

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
            long heatServed = rig.ledger.count(heat);
            long served = rig.ledger.total() - heatServed;
            assertTrue(served >= 3 * 56, "served " + served);
            assertTrue(heatServed >= 3, "heat meter served " + heatServed);

            // THEN every served water reading is in QuestDB, per meter with the same count and sum of totals
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
            // AND every heat reading is in the heat_meter measurement, in kWh as served, with all its fields
            E2eHarness.await("all " + heatServed + " heat readings stored", Duration.ofSeconds(20),
                    () -> rig.db.count("heat_meter", "heat_kwh is not null") == heatServed,
                    () -> "stored " + rig.db.query("select * from heat_meter").encode());
            JsonArray heatRow = rig.db.query("select device, count(heat_kwh), sum(heat_kwh), count(supply_temp_c), "
                    + "count(return_temp_c), count(operating_hours), count(heat_power_kw), min(supply_temp_c) "
                    + "from heat_meter group by device").getJsonArray("dataset");
            assertEquals(1, heatRow.size(), heatRow.encode());
            JsonArray h = heatRow.getJsonArray(0);
            assertEquals(heat, h.getString(0));
            assertEquals(heatServed, h.getLong(1));
            assertEquals(rig.ledger.sum(heat), h.getDouble(2), 1e-6 * rig.ledger.sum(heat), "sum of heat_kwh");
            for (int col = 3; col <= 6; col++) {
                assertEquals(heatServed, h.getLong(col), "every heat reading has column " + col + ": " + h.encode());
            }
            assertEquals(55.0, h.getDouble(7), 0.1, "supply temperature as served: " + h.encode());
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
