package org.linli.gateway.mqtt;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.gateway.TestSites;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.pipeline.DeadLetters;
import org.linli.gateway.pipeline.Pipeline;
import org.linli.gateway.site.SiteDirectory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alerts topic's publishes ({@link MqttIngest#publish}) never hold the event loop: the MQTT client's publish runs
 * on a thread of its own ({@link PublishThread}), in order. The client here stands in for Paho, whose publish waits
 * for the client's locks while its receiving side holds them on a busy connection; it holds each publish until the
 * test lets it go.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class PublishOffTheEventLoopTest {

    /** Connects at once; each publish is noted (topic and thread) and then held until {@link #release}. */
    private static final class HeldPublishClient implements MqttClientAdapter {
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> published = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        private volatile boolean connected;

        @Override
        public CompletableFuture<Void> connect(Callbacks callbacks) {
            connected = true;
            callbacks.connected(false);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> subscribe(List<String> filters, List<Integer> qos) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
            published.add(topic);
            threads.add(Thread.currentThread().getName());
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isConnected() {
            return connected;
        }

        @Override
        public InFlightLimit inFlight() {
            return new InFlightLimit(10);
        }

        @Override
        public void close() {
            connected = false;
            release.countDown();
        }
    }

    @Test
    @DisplayName("while the MQTT client's publish is held, the event loop goes on, and the held publishes complete "
            + "in order once the client lets them go")
    void heldPublishDoesNotHoldTheEventLoop(Vertx vertx) throws Exception {
        // GIVEN an ingest connected through a client whose publish is held
        HeldPublishClient client = new HeldPublishClient();
        SiteDirectory site = SiteDirectory.from(TestSites.small());
        Pipeline pipeline = new Pipeline(site, (profile, id, payload, at) -> {
            throw new AssertionError("no message is received in this test");
        }, lines -> Future.succeededFuture(), List.of(), DeadLetters.inMemory(Clock.systemUTC()));
        Context loop = vertx.getOrCreateContext();
        CompletableFuture<MqttIngest> started = new CompletableFuture<>();
        loop.runOnContext(v -> {
            MqttIngest ingest = new MqttIngest(vertx, MqttOptions.of("tcp://127.0.0.1:1", "test-gw"), client, List.of(),
                    pipeline, Clock.systemUTC(), 1);
            ingest.start();
            ingest.firstConnect().onSuccess(c -> started.complete(ingest));
        });
        MqttIngest ingest = started.get(10, TimeUnit.SECONDS);

        // WHEN two alerts are published on the event loop, and a task is queued on the loop right behind them
        CompletableFuture<List<Future<Void>>> handedOver = new CompletableFuture<>();
        AtomicBoolean taskRanWhileHeld = new AtomicBoolean();
        CountDownLatch taskRan = new CountDownLatch(1);
        loop.runOnContext(v -> {
            byte[] alert = "{\"id\":\"A1\"}".getBytes(StandardCharsets.UTF_8);
            handedOver.complete(List.of(ingest.publish("linli/alerts/1", alert, 1, false),
                    ingest.publish("linli/alerts/2", alert, 1, false)));
            loop.runOnContext(w -> {
                taskRanWhileHeld.set(client.release.getCount() == 1);
                taskRan.countDown();
            });
        });

        // THEN the loop ran that task while the client still held the first publish
        assertTrue(taskRan.await(10, TimeUnit.SECONDS), "the event loop was held by the publish");
        assertTrue(taskRanWhileHeld.get());
        List<Future<Void>> sent = handedOver.get(10, TimeUnit.SECONDS);
        assertFalse(sent.get(0).isComplete(), "the first publish cannot be done while the client holds it");
        // AND once the client lets go, both complete, in the order given, on the publishing thread
        client.release.countDown();
        for (Future<Void> f : sent) {
            f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of("linli/alerts/1", "linli/alerts/2"), client.published);
        assertEquals(List.of("linli-mqtt-publish-test-gw", "linli-mqtt-publish-test-gw"), client.threads);
        loop.runOnContext(v -> ingest.stop());
    }
}
