package org.linli.gateway.pipeline;

import io.vertx.core.Future;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.DeviceEvent;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.timeseries.GasAlarmLevel;
import org.linli.gateway.timeseries.PointBatch;
import org.linli.gateway.timeseries.PointFactory;
import org.linli.gateway.timeseries.TelemetrySink;

import java.util.List;

/**
 * The path every message takes, whatever its transport: find the device, decode with its profile, hand the points
 * to the telemetry sink and the events to the listeners. A state event (alarm, alarm_cleared, fault, ...) that repeats
 * the device's last state goes to the listeners but not to the time series ({@link StateChangeEvents}). A message that
 * cannot be used is counted by reason and dead-lettered; it never throws. Runs on the event loop, apart from
 * {@link #prepare} and {@link #mayCarryAlarm}, which any thread may call (the decode workers, Paho's thread).
 * <p>
 * The returned future completes when the sink has taken the points: the MQTT ingest acknowledges QoS 1 then.
 * A rejected message completes it too: it is safely in the dead letters, and redelivery would not change it.
 */
public final class Pipeline {
    /** The feed of an MQTT message that matched no subscription's topic pattern. */
    public static final String NO_FEED = "none";

    private final SiteDirectory site;
    private final PayloadDecoders decoders;
    private final PointFactory points;
    private final TelemetrySink sink;
    private final List<DeviceEventListener> listeners;
    private final DeadLetters deadLetters;
    private final DeviceActivity activity = new DeviceActivity();
    private final StateChangeEvents stateChanges = new StateChangeEvents();
    private final PipelineStats stats = new PipelineStats();

    public Pipeline(SiteDirectory site, PayloadDecoders decoders, TelemetrySink sink,
                    List<DeviceEventListener> listeners, DeadLetters deadLetters) {
        this(site, decoders, sink, listeners, deadLetters, null);
    }

    /** {@code gasAlarmLevel}: written beside every gas reading (docs/SCHEMA.md {@code gas_lel_alarm}); null: not written. */
    public Pipeline(SiteDirectory site, PayloadDecoders decoders, TelemetrySink sink,
                    List<DeviceEventListener> listeners, DeadLetters deadLetters, GasAlarmLevel gasAlarmLevel) {
        this.site = site;
        this.decoders = decoders;
        this.points = new PointFactory(site, gasAlarmLevel);
        this.sink = sink;
        this.listeners = List.copyOf(listeners);
        this.deadLetters = deadLetters;
    }

    /** {@link #prepare} then {@link #apply}, on the event loop. */
    public Future<Void> accept(IncomingMessage msg) {
        return apply(prepare(msg));
    }

    /**
     * The part of the path that needs no event-loop state: find the device, check the profile, decode, and build the
     * telemetry lines of the readings. Thread-safe (site directory and profiles are immutable, the point factory is
     * thread-safe): the decode workers call it, each device always on the same worker. Never throws.
     */
    public Prepared prepare(IncomingMessage msg) {
        if (msg.deviceId() == null || msg.deviceId().isBlank()) {
            return Prepared.rejected(msg, DecodeFailure.NO_DEVICE_ID, "the topic does not name a device");
        }
        Device device = site.device(msg.deviceId()).orElse(null);
        if (device == null) {
            return Prepared.rejected(msg, DecodeFailure.UNKNOWN_DEVICE, "device '" + msg.deviceId() + "' is not in the site config");
        }
        if (msg.profile() != null && !msg.profile().equals(device.profile())) {
            return Prepared.rejected(msg, DecodeFailure.UNKNOWN_PROFILE, "device '" + device.id() + "' is configured with profile '"
                    + device.profile() + "' but published on a topic of profile '" + msg.profile() + "'");
        }
        try {
            Decoded decoded = decoders.decode(device.profile(), device.id(), msg.payload(), msg.receivedAt());
            return Prepared.decoded(msg, device, decoded, points.readingLines(device, decoded.readings()));
        } catch (DecodeException e) {
            return Prepared.rejected(msg, e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            // a decoder bug must cost one message, not the gateway
            return Prepared.rejected(msg, DecodeFailure.MALFORMED_JSON, "decoder failed: " + e);
        }
    }

    /**
     * The event-loop part: counters, dead letters, last-seen times, state events, the sink and the listeners. The
     * returned future completes when the sink has taken the points (or at once for a rejected message).
     */
    public Future<Void> apply(Prepared p) {
        IncomingMessage msg = p.message();
        stats.received(msg.source(), msg.profile() == null ? NO_FEED : msg.profile());
        if (p.isRejected()) {
            return reject(msg, p.failure(), p.failureText());
        }
        return deliver(p.device(), p.decoded(), p.readingLines(), msg);
    }

    /** Whether the message may carry an alarm and should take the priority lane; any thread, cheap. */
    public boolean mayCarryAlarm(IncomingMessage msg) {
        return msg.profile() != null && decoders.mayCarryAlarm(msg.profile(), msg.payload());
    }

    /**
     * Takes already-decoded content (serial pollers and cameras decode in their own drivers); {@code feed} is what
     * it came through within the source (the bus name, the camera id), for the counters.
     */
    public Future<Void> acceptDecoded(String source, String feed, Device device, Decoded decoded,
                                      java.time.Instant receivedAt) {
        stats.received(source, feed);
        return deliver(device, decoded, points.readingLines(device, decoded.readings()), new IncomingMessage(source, device.id(), new byte[0], device.id(), null, receivedAt));
    }

    private Future<Void> deliver(Device device, Decoded decoded, List<byte[]> readingLines, IncomingMessage msg) {
        stats.decodedMessages++;
        stats.readings += decoded.readings().size();
        stats.events += decoded.events().size();
        activity.seen(device.id(), msg.receivedAt());
        // the time series gets state events only on a change of state; the listeners get every event
        List<DeviceEvent> eventsToWrite = stateChanges.toWrite(device.id(), decoded.events());
        Future<Void> stored = readingLines.isEmpty() && eventsToWrite.isEmpty()
                ? Future.succeededFuture()
                : sink.offer(PointBatch.ofUtf8(readingLines, points.eventLines(device, eventsToWrite)));
        if (!decoded.readings().isEmpty()) {
            for (DeviceEventListener l : listeners) {
                l.onReadings(device, decoded.readings());
            }
        }
        for (DeviceEvent event : decoded.events()) {
            for (DeviceEventListener l : listeners) {
                l.onEvent(device, event);
            }
        }
        return stored;
    }

    private Future<Void> reject(IncomingMessage msg, DecodeFailure reason, String message) {
        stats.rejected++;
        deadLetters.record(msg.source(), msg.topic(), msg.payload(), reason.id(), message);
        return Future.succeededFuture();
    }

    public PipelineStats stats() {
        return stats;
    }

    public DeviceActivity activity() {
        return activity;
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }
}
