package org.linli.sim.mqtt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.RequiredTools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulated devices' publisher against a real Mosquitto that allows few messages in flight. */
class DevicePublisherTest {

    @Test
    @DisplayName("a broker's small in-flight limit: every message is delivered, resent by one thread at a time")
    void smallReceiveMaximum(@TempDir Path dir) throws Exception {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        // GIVEN a broker that announces a Receive Maximum of 5, so Paho refuses the sixth message in flight at once
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false)
                .withConfig("max_inflight_messages 5").start();
             DevicePublisher publisher = new DevicePublisher(broker.url(), "sim-small-window")) {
            AtomicInteger mostResenders = new AtomicInteger();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    int n = (int) Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> t.isAlive() && t.getName().equals("sim-resend")).count();
                    mostResenders.accumulateAndGet(n, Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "test-resend-sampler");
            sampler.start();
            // WHEN 2,000 QoS 1 messages are published as fast as the publisher takes them
            for (int i = 0; i < 2_000; i++) {
                publisher.publish("test/sim-small-window", ("m" + i).getBytes(StandardCharsets.UTF_8), 1);
            }
            boolean quiet = publisher.awaitQuiet(60, TimeUnit.SECONDS);
            sampling.set(false);
            sampler.join();
            // THEN all were acknowledged, some only after a resend, and never by more than one resend thread at once
            assertTrue(quiet, "not all acknowledged: " + publisher.acked());
            assertEquals(2_000, publisher.acked());
            assertTrue(publisher.resent() > 0, "the broker's limit was never reached: the test shows nothing");
            assertTrue(mostResenders.get() <= 1, "resend threads alive at once: " + mostResenders.get());
        }
    }
}
