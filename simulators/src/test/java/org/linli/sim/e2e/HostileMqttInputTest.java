package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.config.DeviceConfig;
import org.linli.gateway.pipeline.DeadLetter;
import org.linli.gateway.pipeline.DeadLetters;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.RequiredTools;
import org.linli.sim.servers.VictoriaMetricsServer;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, items 2 and 3 on a real broker with the gateway running: a message larger than the gateway takes, and a
 * flood of messages with 65 KB topic levels. The documented bounds (docs/OPERATIONS.md, docs/DEPLOY.md) are asserted.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HostileMqttInputTest {
    private static final int TWO_MIB = 2 * 1024 * 1024;
    private EventLoopWatch watch;
    private Vertx vertx;

    @BeforeEach
    void setUp() {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        RequiredTools.require("victoria-metrics", VictoriaMetricsServer.available());
        // a blocked event loop (any task over 200 ms once the gateway runs) fails these tests too
        watch = new EventLoopWatch();
        vertx = watch.vertx();
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            watch.assertNoneBlocked();
        } finally {
            watch.close();
        }
    }

    @Test
    @DisplayName("MQTT 5: a 2 MiB message for a known gas alarm is withheld by the broker (the gateway announced 256 KiB): "
            + "it never reaches the gateway, which stays connected, and the next gas alarm gets through")
    void oversizedMessageWithheldFromMqtt5Gateway(@TempDir Path dir) throws Exception {
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false).start();
             HostileRig rig = new HostileRig(vertx, broker, "5", dir)) {
            watch.startWatching();
            // GIVEN a running gateway, and a broker with no size limit of its own
            String device = rig.gasAlarms().get(0);
            // WHEN a 2 MiB message is published on that gas alarm's topic, on the connection its alarm then uses
            rig.publisher.publish(topicOf(rig, device), filled(TWO_MIB), 1).get(30, TimeUnit.SECONDS);
            // THEN the alarm published after it raises its alert
            rig.alarmToAlert(device, Duration.ofSeconds(30));
            // AND the big message, which the broker would have delivered first, never reached the gateway
            DeadLetters letters = rig.gateway.pipeline().deadLetters();
            assertEquals(0, letters.total(), "nothing rejected, so nothing arrived: " + letters.countsByReason());
            assertEquals(1, rig.connects(), "the gateway's connection was never dropped");
        }
    }

    @Test
    @DisplayName("MQTT 3.1.1 behind the shipped broker limit: a 2 MiB message is refused by the broker, a 200 KB one is "
            + "dead-lettered as payload_too_large with its payload cut, the gateway stays connected and the alarm gets through")
    void shippedBrokerLimitProtectsMqtt311Gateway(@TempDir Path dir) throws Exception {
        // GIVEN the broker limit of docker/mosquitto/mosquitto.conf
        List<String> limits = Files.readAllLines(Path.of("..", "docker", "mosquitto", "mosquitto.conf")).stream()
                .filter(l -> l.startsWith("max_packet_size ") || l.startsWith("message_size_limit ")).toList();
        assertFalse(limits.isEmpty(), "the shipped mosquitto.conf limits the message size");
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false).withConfig(String.join("\n", limits)).start();
             HostileRig rig = new HostileRig(vertx, broker, "3.1.1", dir)) {
            watch.startWatching();
            String device = rig.gasAlarms().get(0);
            // WHEN another client publishes 2 MiB, and then 200 KB, on that gas alarm's topic
            MqttClient big = rig.hostileClient("hostile-big");
            try {
                big.publish(topicOf(rig, device), filled(TWO_MIB), 1, false);
            } catch (MqttException refused) {
                // the broker disconnects a client that sends a packet over max_packet_size
            }
            E2eHarness.await("the sender of 2 MiB disconnected", Duration.ofSeconds(10), () -> !big.isConnected());
            big.close(true);
            rig.publisher.publish(topicOf(rig, device), filled(200 * 1024), 1).get(30, TimeUnit.SECONDS);
            // THEN the gas alarm's alert arrives
            rig.alarmToAlert(device, Duration.ofSeconds(30));
            // AND only the 200 KB message reached the gateway, rejected before any parsing, its payload cut
            DeadLetters letters = rig.gateway.pipeline().deadLetters();
            assertEquals(1, letters.total(), letters.countsByReason().toString());
            DeadLetter letter = letters.recent(1).get(0);
            assertEquals("payload_too_large", letter.reason());
            assertTrue(letter.payload().length() <= 4096 + 20, letter.payload().length() + " characters kept");
            assertEquals(1, rig.connects(), "the gateway's connection was never dropped");
        }
    }

    @Test
    @DisplayName("1,000 messages with 65 KB topic levels leave dead letters bounded in memory, on disk and in "
            + "GET /api/dead-letters?limit=1000, and the gateway still raises the next gas alarm")
    void longTopicsLeaveBoundedDeadLetters(@TempDir Path dir) throws Exception {
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false).start();
             HostileRig rig = new HostileRig(vertx, broker, "5", dir)) {
            watch.startWatching();
            // GIVEN a running gateway
            String device = rig.gasAlarms().get(0);
            DeviceConfig config = rig.site.devices().stream().filter(d -> d.id().equals(device)).findFirst().orElseThrow();
            var profile = E2eHarness.PROFILES.find(config.profile()).orElseThrow();
            // WHEN 1,000 messages arrive for devices named by a 65 KB topic level, each with a 10 KB payload
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                sent.add(rig.publisher.publish(profile.topicFor(i + "-" + "d".repeat(65_000)), filled(10_000), 1));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            DeadLetters letters = rig.gateway.pipeline().deadLetters();
            E2eHarness.await("1,000 dead letters", Duration.ofSeconds(60), () -> letters.total() == 1000,
                    () -> letters.countsByReason().toString());

            // THEN each letter is small: topic, message and payload cut (under 8 KiB of JSON each)
            List<DeadLetter> held = letters.recent(1000);
            long heldBytes = 0;
            for (DeadLetter d : held) {
                int bytes = d.toJson().encode().getBytes(StandardCharsets.UTF_8).length;
                assertTrue(bytes < 8 * 1024, "a letter of " + bytes + " bytes, topic of " + d.topic().length() + " chars");
                heldBytes += bytes;
            }
            // AND memory holds at most 4 MiB of them
            assertTrue(heldBytes <= 4L * 1024 * 1024, heldBytes + " bytes of letters held");
            // AND the files, once all are written, stay far from their 2 × 16 MiB bound
            Path data = Path.of(rig.site.storage().dataDir());
            E2eHarness.await("1,000 lines written", Duration.ofSeconds(30), () -> lines(data) == 1000, () -> lines(data) + " lines");
            long fileBytes = fileBytes(data);
            assertTrue(fileBytes < 1000L * 8 * 1024, fileBytes + " bytes of dead-letter files");
            // AND the API answers at most 1 MiB of letters however many are asked for
            byte[] body = boundedGet(rig.gateway.httpPort(), "/api/dead-letters?limit=1000", 8 * 1024 * 1024);
            assertTrue(body.length <= 1024 * 1024 + 4096, "GET /api/dead-letters?limit=1000 answered " + body.length + " bytes");
            JsonArray recent = new JsonObject(new String(body, StandardCharsets.UTF_8)).getJsonArray("recent");
            assertTrue(recent.size() > 100, recent.size() + " letters returned");
            // AND the gateway still raises the next gas alarm
            rig.alarmToAlert(device, Duration.ofSeconds(30));
            assertEquals(1, rig.connects(), "the gateway's connection was never dropped");
        }
    }

    private static String topicOf(HostileRig rig, String device) {
        String profile = rig.site.devices().stream().filter(d -> d.id().equals(device)).findFirst().orElseThrow().profile();
        return E2eHarness.PROFILES.find(profile).orElseThrow().topicFor(device);
    }

    private static byte[] filled(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'x');
        return b;
    }

    private static long lines(Path data) {
        long n = 0;
        for (String name : List.of("dead-letters.jsonl", "dead-letters.1.jsonl")) {
            Path f = data.resolve(name);
            if (Files.exists(f)) {
                try (Stream<String> s = Files.lines(f)) {
                    n += s.count();
                } catch (Exception e) {
                    return -1;
                }
            }
        }
        return n;
    }

    private static long fileBytes(Path data) throws Exception {
        long n = 0;
        for (String name : List.of("dead-letters.jsonl", "dead-letters.1.jsonl")) {
            Path f = data.resolve(name);
            n += Files.exists(f) ? Files.size(f) : 0;
        }
        return n;
    }

    /** At most {@code max} bytes of the body: a test that found no bound must not need the whole of it. */
    private static byte[] boundedGet(int port, String path, int max) throws Exception {
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        try (InputStream in = r.body()) {
            return in.readNBytes(max);
        }
    }
}
