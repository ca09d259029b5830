package org.linli.centre;

import io.vertx.core.Vertx;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.awaitility.Awaitility.await;

/**
 * A console that opens the stream on a big picture (a district's: megabytes of replay) while summaries keep arriving
 * receives the whole replay and then the live events: the replay may exceed the connection's default write queue
 * without the client being dropped as "slow" (found by the 700-compound benchmark, docs/BENCHMARKS.md).
 */
class StreamReplayTest {
    private static final int ALERTS = 120;
    private static final String PADDING = "x".repeat(100_000);

    @TempDir
    Path dir;
    private EmbeddedArtemis broker;
    private FakeCompound gateways;
    private Vertx vertx;
    private ScheduledExecutorService summaries;

    @AfterEach
    void stop() throws Exception {
        if (summaries != null) {
            summaries.shutdownNow();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
        if (gateways != null) {
            gateways.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void bigReplayDuringLiveTrafficIsNotDropped() throws Exception {
        // GIVEN a centre whose picture holds 120 alerts of ~100 KB each (12 MB of replay)
        broker = new EmbeddedArtemis(dir);
        gateways = new FakeCompound(broker.consumerUrl(), "fake-gateways");
        vertx = Vertx.vertx();
        Centre centre = Centre.deploy(vertx, TestSite.site("r1", broker.consumerUrl(), 45, null, null), k -> null)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(20)).until(centre::brokerConnected);
        for (int i = 1; i <= ALERTS; i++) {
            gateways.alert("c1", "x1", FakeCompound.alertJson("x1", "B-" + i, 1, "OPEN", 0).put("detail", PADDING));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> centre.onContext(() -> centre.picture().alertCount())
                .toCompletionStage().toCompletableFuture().get() == ALERTS);
        // and summaries arriving every few milliseconds (every 20 ms: 700 compounds send ~50 a second)
        summaries = Executors.newSingleThreadScheduledExecutor();
        summaries.scheduleAtFixedRate(() -> {
            try {
                gateways.summary("c1", "x2", true);
            } catch (Exception e) {
                // the broker is stopping
            }
        }, 0, 20, TimeUnit.MILLISECONDS);

        // WHEN a street user opens the stream
        List<CentreClient.Event> events = CentreClient.login(centre.httpPort(), "street-duty").stream();

        // THEN it receives the whole replay, then live compound events after it
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> events.stream()
                    .anyMatch(e -> "replayed".equals(e.name())));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no replayed event; " + events.size() + " event(s) read", e);
        }
        int replayed = indexOfReplayed(events);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.size() > replayed + 20);
    }

    private static int indexOfReplayed(List<CentreClient.Event> events) {
        for (int i = 0; i < events.size(); i++) {
            if ("replayed".equals(events.get(i).name())) {
                return i;
            }
        }
        return -1;
    }
}
