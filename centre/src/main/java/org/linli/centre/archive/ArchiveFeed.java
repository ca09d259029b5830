package org.linli.centre.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.linli.archive.MalformedAlertVersionException;
import org.linli.centre.CentreMeters;
import org.linli.centre.broker.BrokerLink;
import org.linli.centre.site.CompoundRef;
import org.linli.centre.site.Topology;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The archive's share of the once-only work: every alert version the work link's SHARED subscription gives this
 * replica goes to the {@link org.linli.archive.ArchiveWriter}, and the message is acknowledged only once its
 * transaction has committed. A replica killed before that leaves the version to the broker, which gives it to another
 * replica; a copy written twice changes nothing (the archive's idempotent upserts). A malformed version is
 * acknowledged and counted (a redelivery would fail again); a topic of a compound not in the site file is
 * acknowledged and skipped (the picture link counts it). Runs on Paho's thread (parsing and queueing only); the
 * acknowledgement runs on the writer's thread.
 */
public final class ArchiveFeed implements BrokerLink.Handler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArchiveConnection connection;
    private final Topology topology;
    private final CentreMeters meters;
    private final int maxBytes;
    private final AtomicLong seq = new AtomicLong();
    /** Versions handed to the archive and not committed yet: sequence → when (nanoTime). */
    private final ConcurrentSkipListMap<Long, Long> pending = new ConcurrentSkipListMap<>();

    public ArchiveFeed(ArchiveConnection connection, Topology topology, CentreMeters meters, int maxBytes) {
        this.connection = connection;
        this.topology = topology;
        this.meters = meters;
        this.maxBytes = maxBytes;
    }

    @Override
    public void message(String topic, MqttMessage m, Runnable ack) {
        String[] lv = topic.split("/");
        CompoundRef c = lv.length == 6 && "alert".equals(lv[5]) ? topology.compound(lv[4])
                .filter(x -> x.street().equals(lv[2]) && x.community().equals(lv[3])).orElse(null) : null;
        if (c == null || m.getPayload().length > maxBytes) {
            meters.archive("skipped");
            ack.run();
            return;
        }
        JsonNode version;
        try {
            version = JSON.readTree(m.getPayload());
        } catch (JsonProcessingException e) {
            meters.archive("malformed");
            ack.run();
            return;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        long n = seq.incrementAndGet();
        pending.put(n, System.nanoTime());
        connection.opened().thenCompose(o -> o.writer().submit(c.street(), c.community(), c.id(), version))
                .whenComplete((v, e) -> {
                    pending.remove(n);
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (cause == null) {
                        meters.archive("written");
                        ack.run();
                    } else if (cause instanceof MalformedAlertVersionException) {
                        meters.archive("malformed");
                        ack.run();
                    } else {
                        // the writer closed (this replica is stopping): not acknowledged, the broker gives it again
                        meters.archive("failed");
                    }
                });
    }

    /** Alert versions waiting for their commit (or for the database to open). */
    public int backlog() {
        return pending.size();
    }

    /** How long the oldest waiting version has waited (zero when none waits). */
    public Duration oldestWait() {
        Map.Entry<Long, Long> first = pending.firstEntry();
        return first == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - first.getValue());
    }
}
