package org.linli.gateway.pipeline;

import org.linli.gateway.site.Device;
import org.linli.gateway.site.SiteDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Warms the decode and line-protocol paths before the gateway connects to the broker (docs/BENCHMARKS.md, "Cold
 * start"): on every decode worker, one sample message per vendor profile the site's devices use
 * ({@link ProfileCatalog#samplePayload}, for one real device of that profile) goes through the same
 * {@link Pipeline#mayCarryAlarm} and {@link Pipeline#prepare} (JSON decoding, the profile's rules, {@code PointFactory})
 * as a broker's message would, a few thousand times in all, so class loading and the JIT's first compilations happen
 * before the backlog arrives. Writes nothing: {@code prepare} touches no counter, queue, rule or dead letter, and its
 * results are dropped. Bounded: each worker stops at the deadline even if it has not decoded its share.
 * Built on the event loop; the work runs on the {@code linli-decode-N} threads ({@link IngestLanes#onEveryWorker}).
 */
public final class DecodeWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(DecodeWarmUp.class);
    /** The longest a warm-up may delay the MQTT connect: 500 ms; {@code -Dlinli.decodeWarmUpMs=0} turns it off (benchmarks). */
    public static final Duration DEFAULT_BOUND = Duration.ofMillis(Math.max(0, Long.getLong("linli.decodeWarmUpMs", 500)));
    /** Sample messages decoded in all, spread over the workers. */
    public static final int DEFAULT_MESSAGES = 4_000;

    /** What a warm-up did: the profiles it had a usable sample for, the messages it decoded, and how long it took. */
    public record Result(int profiles, long decoded, Duration took, boolean stoppedAtBound) {
    }

    private final SiteDirectory site;
    private final ProfileCatalog catalog;
    private final Pipeline pipeline;
    private final Clock clock;
    private final int messages;
    private final Duration bound;

    public DecodeWarmUp(SiteDirectory site, ProfileCatalog catalog, Pipeline pipeline, Clock clock) {
        this(site, catalog, pipeline, clock, DEFAULT_MESSAGES, DEFAULT_BOUND);
    }

    public DecodeWarmUp(SiteDirectory site, ProfileCatalog catalog, Pipeline pipeline, Clock clock, int messages,
                        Duration bound) {
        this.site = site;
        this.catalog = catalog;
        this.pipeline = pipeline;
        this.clock = clock;
        this.messages = messages;
        this.bound = bound;
    }

    /** Runs the warm-up on every worker of {@code lanes}; completes (never exceptionally) when all have stopped. */
    public CompletableFuture<Result> run(IngestLanes lanes) {
        if (bound.isZero()) {                                // turned off: not even the samples are decoded
            return CompletableFuture.completedFuture(new Result(0, 0, Duration.ZERO, false));
        }
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        long perWorker = Math.max(1, messages / lanes.workerCount());
        AtomicLong decoded = new AtomicLong();
        AtomicInteger profiles = new AtomicInteger();
        AtomicInteger stoppedAtBound = new AtomicInteger();
        return lanes.onEveryWorker(() -> {
            List<IncomingMessage> samples = samples();
            profiles.set(samples.size());
            long n = 0;
            while (!samples.isEmpty() && n < perWorker) {
                if (System.nanoTime() - deadline >= 0) {
                    stoppedAtBound.incrementAndGet();
                    break;
                }
                IncomingMessage msg = samples.get((int) (n % samples.size()));
                pipeline.mayCarryAlarm(msg);
                pipeline.prepare(msg);                       // the result is dropped: nothing is written or counted
                n++;
            }
            decoded.addAndGet(n);
        }).handle((v, error) -> {
            Result r = new Result(profiles.get(), decoded.get(), Duration.ofNanos(System.nanoTime() - start),
                    stoppedAtBound.get() > 0);
            if (error != null) {
                LOG.warn("decode warm-up failed after {} messages: {}", r.decoded(), error.toString());
            } else {
                LOG.info("decode warm-up: {} messages of {} vendor profiles in {} ms{}", r.decoded(), r.profiles(),
                        r.took().toMillis(), r.stoppedAtBound() ? " (stopped at its " + bound.toMillis() + " ms bound)" : "");
            }
            return r;
        });
    }

    /** One message per profile in use that decodes to a usable result (a sample the profile rejects is left out). */
    List<IncomingMessage> samples() {
        Map<String, Device> byProfile = new LinkedHashMap<>();
        for (Device d : site.devices()) {
            if (d.profile() != null) {
                byProfile.putIfAbsent(d.profile(), d);
            }
        }
        Instant now = clock.instant();
        List<IncomingMessage> out = new ArrayList<>();
        for (Device d : byProfile.values()) {
            java.util.Optional<byte[]> sample;
            try {
                sample = catalog.samplePayload(d.profile(), d.id(), now);
            } catch (RuntimeException e) {                   // a profile the builder cannot fill costs its own sample
                LOG.debug("decode warm-up: no sample for profile {}: {}", d.profile(), e.toString());
                continue;
            }
            sample.ifPresent(payload -> {
                String topic = catalog.topicTemplate(d.profile()).map(t -> t.replace("{deviceId}", d.id())).orElse(d.id());
                IncomingMessage msg = new IncomingMessage("mqtt", topic, payload, d.id(), d.profile(), now);
                if (!pipeline.prepare(msg).isRejected()) {
                    out.add(msg);
                } else {
                    LOG.debug("decode warm-up: the sample of profile {} does not decode; left out", d.profile());
                }
            });
        }
        return out;
    }
}
