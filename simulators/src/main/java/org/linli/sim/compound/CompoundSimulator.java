package org.linli.sim.compound;

import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.EventType;
import org.linli.drivers.mqtt.VendorProfile;
import org.linli.drivers.mqtt.VendorProfiles;
import org.linli.gateway.config.DeviceConfig;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.Transport;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.mqtt.SentLedger;
import org.linli.sim.mqtt.VendorPayloadEncoder;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A whole simulated compound publishing over MQTT in each device's vendor format: periodic reports, heartbeats,
 * water use with a daily rhythm, and scripted incidents (a gas leak in a flat, a fire in a building, a device that
 * goes silent). What the broker acknowledged is recorded in a {@link SentLedger}, in the form the gateway should
 * decode it into.
 */
public final class CompoundSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CompoundSimulator.class);

    private final Map<String, SimDevice> devices = new LinkedHashMap<>();
    private final DevicePublisher publisher;
    private final VendorPayloadEncoder encoder = new VendorPayloadEncoder();
    private final Clock clock;
    private final int readingQos;
    private final SentLedger ledger = new SentLedger();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "compound-simulator");
        t.setDaemon(true);
        return t;
    });
    private Instant lastRound;

    public CompoundSimulator(SiteConfig site, VendorProfiles profiles, DevicePublisher publisher, Clock clock,
                             int readingQos, long seed) {
        this.publisher = publisher;
        this.clock = clock;
        this.readingQos = readingQos;
        long n = seed;
        for (DeviceConfig d : site.devices()) {
            if (d.transport() != Transport.MQTT) {
                continue;
            }
            VendorProfile p = profiles.find(d.profile()).orElseThrow(() -> new IllegalArgumentException("no profile " + d.profile()));
            devices.put(d.id(), new SimDevice(d.id(), d.location(), p, n++));
        }
    }

    public int deviceCount() {
        return devices.size();
    }

    public List<String> deviceIds() {
        return new ArrayList<>(devices.keySet());
    }

    /** One report from every device that is not silent, each with its own timestamp. Returns when all are acked. */
    public CompletableFuture<Void> publishRound() {
        Instant now = nextRoundTime();
        double minutes = lastRound == null ? 1 : Math.max(0.01, Duration.between(lastRound, now).toMillis() / 60_000.0);
        lastRound = now;
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (SimDevice d : devices.values()) {
            if (!d.silent) {
                sent.add(report(d, now, minutes));
            }
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }

    /**
     * Now, but never in the same whole second as the last round: some vendors send second-precision timestamps, and
     * two reports of a device within one second are one point (the server keeps the last), so a ledger counting both
     * would expect a row that cannot exist. Waits out the rest of the second when rounds come faster than that.
     */
    private Instant nextRoundTime() {
        Instant now = clock.instant();
        for (int waits = 0; lastRound != null && now.getEpochSecond() <= lastRound.getEpochSecond(); waits++) {
            if (waits > 20) {
                throw new IllegalStateException("the simulator's clock does not advance: " + now);
            }
            try {
                Thread.sleep(1000 - now.getNano() / 1_000_000 + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted between rounds", e);
            }
            now = clock.instant();
        }
        return now;
    }

    /** One report of one device (the load mode drives devices one by one). */
    public CompletableFuture<Void> report(String deviceId, Instant at) {
        return report(devices.get(deviceId), at, 1);
    }

    private CompletableFuture<Void> report(SimDevice d, Instant at, double minutes) {
        CompletableFuture<Void> r = publish(d, Traffic.report(d, at, minutes), readingQos);
        if (d.reports % 10 == 0) {
            Traffic.heartbeatIfSupported(d).ifPresent(hb -> publish(d, Traffic.event(d, hb, at.plusMillis(1)), 1));
        }
        return r;
    }

    /** Reports from every device every {@code interval}, spread across the interval like real devices. */
    public void startPeriodic(Duration interval) {
        scheduler.scheduleAtFixedRate(this::publishRound, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The gas alarm of a household starts alarming: one message with its high readings and an ALARM event, as a real
     * detector reports an alarm (one report: the gateway counts it once, issue 14).
     */
    public CompletableFuture<Void> gasLeak(String household) {
        SimDevice d = device("gas-" + household);
        d.leaking = true;
        LOG.info("scenario: gas leak at {}", household);
        return publish(d, Traffic.alarmReport(d, clock.instant()), 1);
    }

    public CompletableFuture<Void> gasLeakOver(String household) {
        SimDevice d = device("gas-" + household);
        d.leaking = false;
        return publish(d, Traffic.event(d, EventType.ALARM_CLEARED, clock.instant()), 1);
    }

    /** Fire in a building: the smoke detectors of two flats of unit 1, floor 3 alarm. */
    public CompletableFuture<Void> fire(String building) {
        LOG.info("scenario: fire in building {}", building);
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        Instant now = clock.instant();
        for (SimDevice d : devices.values()) {
            if (d.type().id().equals("smoke_detector") && d.household.startsWith(building + "-1-3")) {
                d.burning = true;
                sent.add(publish(d, Traffic.alarmReport(d, now), 1));
            }
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }

    /** A device stops reporting (dead battery, unplugged, NB-IoT out of coverage). */
    public void silence(String deviceId) {
        LOG.info("scenario: {} goes silent", deviceId);
        device(deviceId).silent = true;
    }

    /** Publishes an alarm-type event of a device at QoS 1, whatever its state (used by outage tests). */
    public CompletableFuture<Void> event(String deviceId, EventType type, Instant at) {
        SimDevice d = device(deviceId);
        return publish(d, Traffic.event(d, type, at), 1);
    }

    private SimDevice device(String id) {
        SimDevice d = devices.get(id);
        if (d == null) {
            throw new IllegalArgumentException("no simulated device " + id);
        }
        return d;
    }

    private CompletableFuture<Void> publish(SimDevice d, Decoded content, int qos) {
        byte[] payload = encoder.encode(d.profile, d.id, content);
        Decoded expected;
        try {
            // what the gateway should store: the payload as the vendor's own format rounds and scales it
            expected = d.profile.decoder().decode(d.id, payload, clock.instant());
        } catch (DecodeException e) {
            throw new IllegalStateException("simulator produced a payload its own profile rejects: " + e.getMessage(), e);
        }
        return publisher.publish(d.profile.topicFor(d.id), payload, qos).thenRun(() -> ledger.record(d.profile.name(), expected));
    }

    public SentLedger ledger() {
        return ledger;
    }

    public DevicePublisher publisher() {
        return publisher;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
