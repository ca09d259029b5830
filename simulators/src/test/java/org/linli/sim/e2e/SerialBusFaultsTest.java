package org.linli.sim.e2e;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.sim.serial.SerialFault;
import org.linli.sim.serial.SimCjt188HeatMeter;
import org.linli.sim.serial.SimSerialDevice;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults on real virtual serial lines: counters by reason, device status, one alert per bus, never one per meter. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SerialBusFaultsTest {

    @Test
    @DisplayName("per-address faults are counted by reason and dead-lettered; a silent meter goes OFFLINE with one "
            + "DEVICE_OFFLINE alert while its neighbours stay ONLINE, noise and a slow-but-in-time meter are tolerated, "
            + "a heat meter with a broken supply sensor (FF FF FF) is counted as bad_bcd with the field named, "
            + "and the silent meter's alert clears when it answers again")
    void faultsByAddress(@TempDir Path dir) throws Exception {
        try (SerialRig rig = new SerialRig(dir, List.of(new Object[]{"bus-cjt", "cjt188", 5, 1},
                new Object[]{"bus-modbus", "modbus", 4}), SerialRig.FAST)) {
            // GIVEN per-address faults on both buses
            List<SimSerialDevice> cjt = rig.plan.devices("bus-cjt");
            List<SimSerialDevice> modbus = rig.plan.devices("bus-modbus");
            var cjtSim = rig.sims.get("bus-cjt");
            var modbusSim = rig.sims.get("bus-modbus");
            cjtSim.fault(cjt.get(0).address(), SerialFault.NO_REPLY);
            cjtSim.fault(cjt.get(1).address(), SerialFault.BAD_CHECKSUM);
            cjtSim.fault(cjt.get(2).address(), SerialFault.NOISE);
            cjtSim.fault(cjt.get(3).address(), SerialFault.WRONG_ADDRESS);
            SimCjt188HeatMeter heat = (SimCjt188HeatMeter) cjt.get(5);
            heat.brokenSupplySensor(true);
            modbusSim.fault(modbus.get(0).address(), SerialFault.TRUNCATED);
            modbusSim.fault(modbus.get(1).address(), SerialFault.NOISE);
            modbusSim.slowMs(40); // within the 200 ms timeout
            modbusSim.fault(modbus.get(2).address(), SerialFault.SLOW);

            long cjtStart = rig.cycles("bus-cjt");
            long modbusStart = rig.cycles("bus-modbus");

            // WHEN the gateway has polled each bus 3 more times (a device is OFFLINE after 2 failed polls)
            E2eHarness.await("3 cycles", Duration.ofSeconds(20),
                    () -> rig.cycles("bus-cjt") >= cjtStart + 3 && rig.cycles("bus-modbus") >= modbusStart + 3);

            // THEN failed frames are counted by reason (2 attempts per poll with retries = 1, at least 2 faulty polls each)
            JsonObject cjtBus = rig.bus("bus-cjt");
            JsonObject modbusBus = rig.bus("bus-modbus");
            JsonObject cjtReasons = cjtBus.getJsonObject("failuresByReason");
            JsonObject modbusReasons = modbusBus.getJsonObject("failuresByReason");
            assertTrue(cjtReasons.getLong("no_reply", 0L) >= 4, cjtReasons.encode());
            assertTrue(cjtReasons.getLong("bad_checksum", 0L) >= 4, cjtReasons.encode());
            assertTrue(cjtReasons.getLong("wrong_address", 0L) >= 4, cjtReasons.encode());
            assertTrue(cjtReasons.getLong("bad_bcd", 0L) >= 4, cjtReasons.encode());
            assertTrue(modbusReasons.getLong("truncated_frame", 0L) >= 4, modbusReasons.encode());
            assertEquals(java.util.Set.of("no_reply", "bad_checksum", "wrong_address", "bad_bcd"), cjtReasons.fieldNames(),
                    cjtReasons.encode());
            assertEquals(java.util.Set.of("truncated_frame"), modbusReasons.fieldNames(), modbusReasons.encode());
            // AND bad frames are dead-lettered with their bytes in hex
            JsonObject dead = E2eHarness.getJson(rig.gateway.httpPort(), "/api/dead-letters?limit=500");
            assertTrue(dead.getJsonObject("countsByReason").getLong("bad_checksum", 0L) >= 4, dead.encode());
            assertTrue(dead.encode().contains("bus-cjt/" + cjt.get(1).deviceId()), "dead letter names bus and device");
            assertTrue(dead.getJsonObject("countsByReason").getLong("bad_bcd", 0L) >= 4, dead.encode());
            assertTrue(dead.encode().contains("supply temperature: invalid BCD byte FF"), "the field is named: " + dead.encode());

            // AND the status tree: buses ONLINE, faulty meters OFFLINE, tolerated faults ONLINE
            assertEquals("ONLINE", cjtBus.getString("state"));
            assertEquals("ONLINE", modbusBus.getString("state"));
            Map<String, String> cjtStates = rig.deviceStates("bus-cjt");
            Map<String, String> modbusStates = rig.deviceStates("bus-modbus");
            assertEquals("OFFLINE", cjtStates.get(cjt.get(0).deviceId()), cjtStates.toString());
            assertEquals("OFFLINE", cjtStates.get(cjt.get(1).deviceId()), cjtStates.toString());
            assertEquals("ONLINE", cjtStates.get(cjt.get(2).deviceId()), "noise around a good reply: " + cjtStates);
            assertEquals("OFFLINE", cjtStates.get(cjt.get(3).deviceId()), cjtStates.toString());
            assertEquals("ONLINE", cjtStates.get(cjt.get(4).deviceId()), cjtStates.toString());
            assertEquals("OFFLINE", cjtStates.get(heat.deviceId()), "nothing usable from the heat meter: " + cjtStates);
            assertEquals("OFFLINE", modbusStates.get(modbus.get(0).deviceId()), modbusStates.toString());
            assertEquals("ONLINE", modbusStates.get(modbus.get(1).deviceId()), "noise after a good reply: " + modbusStates);
            assertEquals("ONLINE", modbusStates.get(modbus.get(2).deviceId()), "slow but in time: " + modbusStates);
            assertEquals("ONLINE", modbusStates.get(modbus.get(3).deviceId()), modbusStates.toString());
            // AND one DEVICE_OFFLINE alert per failed meter, no bus alert
            List<JsonObject> deviceAlerts = rig.alerts("DEVICE_OFFLINE");
            assertEquals(5, deviceAlerts.size(), deviceAlerts.toString());
            assertTrue(rig.alerts("BUS_OFFLINE").isEmpty());

            // WHEN the silent meter answers again
            String silent = cjt.get(0).deviceId();
            cjtSim.fault(cjt.get(0).address(), SerialFault.NONE);
            // THEN it is ONLINE and its alert is cleared (kept for a person to close, not open any more)
            E2eHarness.await("silent meter back ONLINE", Duration.ofSeconds(10),
                    () -> states(rig).get(silent).equals("ONLINE"));
            JsonObject alert = rig.alerts("DEVICE_OFFLINE").stream()
                    .filter(a -> silent.equals(a.getJsonObject("device").getString("id"))).findFirst().orElseThrow();
            assertEquals("DEVICE_CLEARED", alert.getString("state"));
        }
    }

    private static Map<String, String> states(SerialRig rig) {
        try {
            return rig.deviceStates("bus-cjt");
        } catch (Exception e) {
            return Map.of();
        }
    }
}
