package org.linli.sim.e2e;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.sim.serial.SerialBusSimulator;
import org.linli.sim.serial.SimSerialDevice;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The serial side of {@code GET /metrics}: readings counted per bus, and each bus's state and its devices' states. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SerialMetricsTest {

    @Test
    @DisplayName("/metrics counts the frames each bus answered under that bus's name and shows both buses and their meters ONLINE")
    void perBusCounters(@TempDir Path dir) throws Exception {
        // GIVEN a CJ/T 188 bus with 4 meters and a Modbus bus with 3, polled until each has done 2 cycles
        try (SerialRig rig = new SerialRig(dir, List.of(new Object[]{"bus-cjt", "cjt188", 4},
                new Object[]{"bus-modbus", "modbus", 3}), SerialRig.PATIENT)) {
            E2eHarness.await("2 poll cycles per bus", Duration.ofSeconds(20),
                    () -> rig.cycles("bus-cjt") >= 2 && rig.cycles("bus-modbus") >= 2);
            rig.gateway.serial().stop();
            for (SerialBusSimulator sim : rig.sims.values()) {
                sim.close();
            }
            long served = rig.ledger.total();
            E2eHarness.await("every served frame taken by the pipeline", Duration.ofSeconds(10),
                    () -> rig.gateway.pipeline().stats().receivedBySource().getOrDefault("serial", 0L) == served);

            // WHEN /metrics is scraped
            ScrapedMetrics m = ScrapedMetrics.fetch(rig.gateway.httpPort());

            // THEN each bus's messages equal what its simulator served, and nothing failed
            for (String bus : List.of("bus-cjt", "bus-modbus")) {
                long servedOnBus = rig.plan.devices(bus).stream().map(SimSerialDevice::deviceId)
                        .mapToLong(rig.ledger::count).sum();
                assertEquals(servedOnBus, m.sum("linli_messages_received_total", Map.of("source", "serial", "channel", bus)),
                        bus);
                assertEquals(1, m.sum("linli_serial_bus_state", Map.of("bus", bus, "state", "ONLINE")), bus);
                assertEquals(0, m.sum("linli_serial_bus_state", Map.of("bus", bus, "state", "OFFLINE")), bus);
                assertEquals(rig.plan.devices(bus).size(), m.sum("linli_serial_devices", Map.of("bus", bus, "state", "ONLINE")),
                        bus);
            }
            assertEquals(served, m.sum("linli_messages_received_total", Map.of("source", "serial")));
            assertEquals(0, m.sum("linli_serial_poll_failures_total"));
            assertEquals(0, m.sum("linli_decode_failures_total"));
        }
    }
}
