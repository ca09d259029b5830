package org.linli.sim.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.QueueOptions;
import org.linli.gateway.pipeline.DeadLetters;
import org.linli.gateway.queue.StoreAndForward;
import org.linli.gateway.timeseries.InfluxLineWriter;
import org.linli.gateway.timeseries.PointBatch;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.QuestDbServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Replay after an outage (docs/BENCHMARKS.md): N points are offered to the disk queue while the time-series server
 * is down (the forwarder backs off), the gateway stops; then QuestDB starts and a new queue on the same directory
 * recovers and replays the backlog. Prints the ingest rate into the queue and the replay rate out of it.
 * Usage: {@code ReplayBenchmark [points] [batchSize]}.
 */
public final class ReplayBenchmark {
    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        Path dir = Files.createTempDirectory("linli-replay");
        int port = FreePort.pick();
        String url = "http://127.0.0.1:" + port;
        Vertx vertx = Vertx.vertx();
        InfluxOptions influx = InfluxOptions.of(url, "linli", "bench").withBatch(batch, 100);
        QueueOptions queue = QueueOptions.defaults().withDir(dir.resolve("queue").toString()).withMaxBytes(8L << 30)
                .withFsyncEveryMs(5);
        try (InfluxLineWriter writer = new InfluxLineWriter(url, "linli", "bench", "t".toCharArray(), Duration.ofSeconds(30))) {
            // the outage: nothing listens on the port
            StoreAndForward down = on(vertx, () -> StoreAndForward.start(vertx, queue, dir.toString(), influx, writer,
                    DeadLetters.inMemory(Clock.systemUTC()), Clock.systemUTC()));
            long t0 = System.nanoTime();
            long ts = 1_700_000_000_000L;
            List<Future<Void>> pending = new ArrayList<>();
            for (int i = 0; i < points; i += 10) {
                List<String> offer = new ArrayList<>(10);
                for (int k = i; k < i + 10; k++) {
                    offer.add("water_meter,street=s,community=c,compound=x,building=" + (k % 12) + ",unit=1,household=1-"
                            + (k % 300) + ",device=water-" + (k % 300) + " total_m3=" + k + "," + "flow_m3h=0.25 " + (ts + k));
                }
                pending.add(on(vertx, () -> Future.succeededFuture(down.queue().offer(PointBatch.telemetry(offer)))));
                if (pending.size() >= 1000) {
                    on(vertx, () -> Future.all(pending)); // at most 10k points waiting for their fsync, like MQTT in-flight
                    pending.clear();
                }
            }
            on(vertx, () -> Future.all(pending));
            double ingestSeconds = (System.nanoTime() - t0) / 1e9;
            long bytes = down.stats().bytes();
            on(vertx, down::close);
            System.out.printf("queued %,d points (%,d bytes on disk) in %.2f s: %,.0f points/s into the queue%n",
                    points, bytes, ingestSeconds, points / ingestSeconds);

            try (QuestDbServer db = new QuestDbServer(dir.resolve("questdb"), port).start()) {
                long t1 = System.nanoTime();
                StoreAndForward up = on(vertx, () -> StoreAndForward.start(vertx, queue, dir.toString(), influx, writer,
                        DeadLetters.inMemory(Clock.systemUTC()), Clock.systemUTC()));
                double recoverSeconds = (System.nanoTime() - t1) / 1e9;
                while (up.stats().depthPoints() > 0) {
                    Thread.sleep(20);
                }
                double replaySeconds = (System.nanoTime() - t1) / 1e9;
                System.out.printf("recovered in %.2f s; replayed %,d points in %.2f s: %,.0f points/s (batches of %d, %d requests)%n",
                        recoverSeconds, up.stats().acceptedPoints(), replaySeconds, up.stats().acceptedPoints() / replaySeconds,
                        batch, up.stats().writeRequests());
                on(vertx, up::close);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (db.count("water_meter", null) < points && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                System.out.printf("rows in QuestDB: %,d%n", db.count("water_meter", null));
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
    }

    private static <T> T on(Vertx vertx, Supplier<Future<T>> action) throws Exception {
        CompletableFuture<T> r = new CompletableFuture<>();
        vertx.runOnContext(v -> action.get().onComplete(ar -> {
            if (ar.succeeded()) {
                r.complete(ar.result());
            } else {
                r.completeExceptionally(ar.cause());
            }
        }));
        return r.get(600, TimeUnit.SECONDS);
    }
}
