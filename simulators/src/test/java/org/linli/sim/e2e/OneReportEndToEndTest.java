package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.drivers.model.EventType;
import org.linli.gateway.Gateway;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.config.SiteConfig;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.RequiredTools;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 14 item 4 end to end: a gas alarm's message carrying both its alarm event and a concentration above the
 * threshold (two rules, one alert key) is one occurrence on a real gateway fed through a real Mosquitto; the next
 * alarm message is the second. The time-series server is absent (the writes wait in the queue): not what is tested.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OneReportEndToEndTest {
    private static final String GAS = "gas-3-2-501";

    @Test
    @DisplayName("one gas alarm message (alarm event + 25-40 %LEL) over MQTT is counted once; a later alarm message makes it 2")
    void oneMessageOneCount(@TempDir Path dir) throws Exception {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        Vertx vertx = Vertx.vertx();
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false).start()) {
            // GIVEN a gateway subscribed to a real broker, and the compound's simulated devices
            SiteConfig site = E2eHarness.site(broker.url(), "linli-one-report", "5",
                    "http://127.0.0.1:" + FreePort.pick(), dir.resolve("gw"));
            Gateway gateway = E2eHarness.deploy(vertx, site);
            try (DevicePublisher publisher = new DevicePublisher(broker.url(), "sim-one-report");
                 CompoundSimulator sim = new CompoundSimulator(site, E2eHarness.PROFILES, publisher, Clock.systemUTC(), 1, 14)) {
                E2eHarness.awaitSubscribed(gateway, publisher, Duration.ofSeconds(30));

                // WHEN the gas alarm of 3-2-501 reports a leak: one message with its concentration and its alarm event
                long before = decoded(gateway);
                sim.gasLeak("3-2-501").get(10, TimeUnit.SECONDS);
                E2eHarness.await("the gas leak alert", Duration.ofSeconds(20), () -> gasAlert(gateway).isPresent());
                // AND then an ordinary report (the concentration stays high: no new crossing), processed after it
                sim.report(GAS, Instant.now()).get(10, TimeUnit.SECONDS);
                E2eHarness.await("both messages decoded", Duration.ofSeconds(20), () -> decoded(gateway) >= before + 2);

                // THEN the one alarm message is one occurrence
                assertEquals(1, gasAlert(gateway).orElseThrow().count(), "one report, one occurrence");

                // WHEN the device sends its alarm again in a later message (2 s on: some vendors send whole seconds)
                sim.event(GAS, EventType.ALARM, Instant.now().plusSeconds(2)).get(10, TimeUnit.SECONDS);
                // THEN it is the second occurrence of the same alert
                E2eHarness.await("the repeat counted", Duration.ofSeconds(20),
                        () -> gasAlert(gateway).map(Alert::count).orElse(0) == 2,
                        () -> String.valueOf(gasAlert(gateway).map(Alert::count)));
                assertEquals(1L, E2eHarness.onLoop(gateway, () -> gateway.alerts().list().stream()
                        .filter(a -> a.type() == AlertType.GAS_LEAK).count()));
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            }
        }
    }

    private static long decoded(Gateway gateway) {
        return E2eHarness.read(gateway, () -> gateway.pipeline().stats().decodedMessages());
    }

    private static Optional<Alert> gasAlert(Gateway gateway) {
        return E2eHarness.read(gateway, () -> gateway.alerts().list().stream()
                .filter(a -> a.type() == AlertType.GAS_LEAK && GAS.equals(a.deviceId())).findFirst());
    }
}
