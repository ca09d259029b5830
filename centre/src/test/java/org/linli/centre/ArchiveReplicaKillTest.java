package org.linli.centre;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Outcome;
import org.linli.gateway.alert.Severity;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A centre replica SIGKILLed during a burst loses no alert version: two replicas share the work subscription, one of
 * them a child JVM ({@link CentreMain}) that is killed (Process.destroyForcibly = SIGKILL) while the burst runs; the
 * versions it had taken but not acknowledged are given by the broker to the surviving replica, and the archive ends
 * with every alert once, at its highest version, and every transition once. Real Artemis (embedded, in this JVM),
 * real PostgreSQL.
 */
class ArchiveReplicaKillTest {
    static final int ALERTS = 200;          // x 4 versions = 800 messages
    static final int PER_SECOND = 200;

    @TempDir
    Path dir;
    EmbeddedArtemis broker;
    FakeCompound gateways;
    Vertx vertx;
    Process child;
    String jdbcUrl;
    String dbUser;

    @BeforeEach
    void start() throws Exception {
        PostgresServer pg = PostgresServer.shared();
        jdbcUrl = pg.createDatabase("centre_kill");
        dbUser = pg.user();
        broker = new EmbeddedArtemis(dir);
        gateways = new FakeCompound(broker.consumerUrl(), "fake-gateways");
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        if (child != null) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        gateways.close();
        broker.close();
    }

    @Test
    void aReplicaKilledMidBurstLeavesEveryVersionArchivedExactlyOnce() throws Exception {
        // GIVEN replica "ra" in this JVM and replica "rb" in a child JVM, both with the archive, both subscribed
        Centre a = Centre.deploy(vertx, TestSite.withArchive("ra", broker.consumerUrl(), 3600, jdbcUrl, dbUser),
                k -> null).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        int childPort = freePort();
        Path site = dir.resolve("rb.yaml");
        Files.writeString(site, TestSite.yaml("rb", broker.consumerUrl(), 3600, null, null)
                .replace("  port: 0\n", "  port: " + childPort + "\n")
                + "archive:\n  jdbcUrl: \"" + jdbcUrl + "\"\n  user: " + dbUser + "\n  poolSize: 2\n");
        Path log = dir.resolve("rb.log");
        child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), CentreMain.class.getName(), "--config", site.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> a.archive().isOpen() && a.brokerConnected());
        await().atMost(Duration.ofSeconds(60)).until(() -> metric(childPort, "linli_centre_archive_open") == 1.0);
        List<JsonNode> burst = burst();
        // both replicas take work before the burst (the shared subscription is split only between subscribed ones)
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            gateways.alert("c1", "x1", warmUp());
            return metric(childPort, "linli_centre_archive_versions_total\\{result=\"written\",?\\}") >= 1.0;
        });

        // WHEN the burst runs at a bounded rate and the child replica is SIGKILLed once it has archived 50 of them
        AtomicInteger published = new AtomicInteger();
        Thread publisher = new Thread(() -> publish(burst, published), "test-burst");
        publisher.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
                metric(childPort, "linli_centre_archive_versions_total\\{result=\"written\",?\\}") >= 50);
        child.destroyForcibly();
        int atKill = published.get();
        publisher.join(60_000);

        // THEN the kill was mid-burst, and the archive holds every alert once at its highest version, every line once
        assertTrue(atKill < burst.size(), "killed after " + atKill + " of " + burst.size() + " messages");
        assertEquals(burst.size(), published.get());
        Map<String, Long> expected = highest(burst);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                ArchiveScenario.archivedVersions(jdbcUrl, dbUser).equals(withWarmUps(expected)));
        long transitions = ArchiveScenario.count(jdbcUrl, dbUser,
                "SELECT count(*) FROM alert_transitions WHERE alert_id LIKE 'K-%'");
        assertEquals(expectedTransitions(burst), transitions, "one row per history line, none twice, none lost");
        await().atMost(Duration.ofSeconds(20)).until(() -> a.archive().feed().backlog() == 0);
        System.out.printf("replica rb SIGKILLed after %d of %d messages published; replica ra archived %.0f%n", atKill,
                burst.size(), a.meters().value("linli_centre_archive_versions_total", "written"));
    }

    /** 200 alerts over x1, x2, x3, each raised, accepted, on site and resolved: 4 versions, published in order. */
    private static List<JsonNode> burst() {
        List<List<JsonNode>> alerts = new ArrayList<>();
        Instant t0 = Instant.parse("2026-12-05T02:00:00Z");
        String[] compounds = {"x1", "x2", "x3"};
        for (int i = 0; i < ALERTS; i++) {
            Instant at = t0.plusSeconds(i * 60L);
            alerts.add(GatewayAlertScript.raise(compounds[i % 3], "K-" + i, AlertType.GAS_LEAK, Severity.CRITICAL, "g1", at)
                    .accept(at.plusSeconds(30)).onSite(at.plusSeconds(300))
                    .resolve(Outcome.REAL_INCIDENT, at.plusSeconds(900)).versions());
        }
        // interleaved as a busy district would send them: version n of alerts i..i+9, then version n+1 of them
        List<JsonNode> out = new ArrayList<>();
        for (int from = 0; from < ALERTS; from += 10) {
            for (int v = 0; v < 4; v++) {
                for (int i = from; i < Math.min(ALERTS, from + 10); i++) {
                    out.add(alerts.get(i).get(v));
                }
            }
        }
        return out;
    }

    private final AtomicInteger warmUps = new AtomicInteger();

    private JsonObject warmUp() {
        return new JsonObject(GatewayAlertScript.raise("x1", "W-" + warmUps.incrementAndGet(), AlertType.FIRE,
                Severity.MAJOR, "g1", Instant.parse("2026-12-05T01:00:00Z")).versions().get(0).toString());
    }

    private Map<String, Long> withWarmUps(Map<String, Long> expected) {
        Map<String, Long> all = new TreeMap<>(expected);
        for (int i = 1; i <= warmUps.get(); i++) {
            all.put("x1/W-" + i, 1L);
        }
        return all;
    }

    private void publish(List<JsonNode> burst, AtomicInteger published) {
        long start = System.nanoTime();
        for (JsonNode v : burst) {
            long due = start + published.get() * 1_000_000_000L / PER_SECOND;
            LockSupport.parkNanos(due - System.nanoTime()); // pacing the load, not waiting for a result
            String compound = v.at("/location/compound").asText();
            try {
                gateways.alert(ArchiveScenario.communityOf(compound), compound, new JsonObject(v.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            published.incrementAndGet();
        }
    }

    private static Map<String, Long> highest(List<JsonNode> burst) {
        Map<String, Long> out = new TreeMap<>();
        for (JsonNode v : burst) {
            out.merge(v.at("/location/compound").asText() + "/" + v.get("id").asText(), v.get("version").asLong(),
                    Math::max);
        }
        return out;
    }

    private static long expectedTransitions(List<JsonNode> burst) {
        Map<String, Integer> lines = new TreeMap<>();
        for (JsonNode v : burst) {
            lines.merge(v.at("/location/compound").asText() + "/" + v.get("id").asText(), v.get("history").size(),
                    Math::max);
        }
        return lines.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** A value of the child replica's /metrics (first sample whose line matches {@code name} then a space). */
    private static double metric(int port, String name) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("(?m)^" + name + " ([0-9.eE+-]+)$").matcher(r.body());
            return m.find() ? Double.parseDouble(m.group(1)) : -1;
        } catch (Exception e) {
            return -1; // not up yet
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
