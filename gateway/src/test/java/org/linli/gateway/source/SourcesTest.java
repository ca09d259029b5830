package org.linli.gateway.source;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.MutableClock;
import org.linli.gateway.site.Device;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry and the status tracker on their own: parent routing, a failed start, unique names, {@code since}. */
class SourcesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T07:00:00Z"));

    /** Parent of every device of one transport; its start fails when {@code startFailure} is set. */
    private final class Fixed implements Source {
        final String name;
        final StatusTracker tracker = new StatusTracker(clock);
        SourceState state = SourceState.STARTING;
        String reason = "";
        boolean up = true;
        RuntimeException startFailure;

        Fixed(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Future<Void> start() {
            if (startFailure != null) {
                state = SourceState.DOWN;
                reason = startFailure.getMessage();
                return Future.failedFuture(startFailure);
            }
            state = SourceState.UP;
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> stop() {
            state = SourceState.STOPPED;
            return Future.succeededFuture();
        }

        @Override
        public SourceStatus status() {
            return tracker.observe(state, reason);
        }

        @Override
        public boolean isParentOf(Device device) {
            return name.equals(device.transport());
        }

        @Override
        public boolean isParentUp(Device device) {
            return up;
        }

        @Override
        public Object details() {
            return new JsonObject();
        }
    }

    private static Device device(String transport) {
        return new Device("d-" + transport, null, "p", transport, null, null);
    }

    @Test
    @DisplayName("a device's parent is asked of the source that claims it; a device no source claims has its parent up")
    void parentRouting() {
        // GIVEN an MQTT source that is down and a serial source that is up
        Fixed mqtt = new Fixed("mqtt");
        Fixed serial = new Fixed("serial");
        Sources sources = new Sources().add(mqtt).add(serial);
        mqtt.up = false;
        // WHEN / THEN each device is answered by its own parent
        assertFalse(sources.isParentUp(device("mqtt")));
        assertTrue(sources.isParentUp(device("serial")));
        assertTrue(sources.isParentUp(device("onvif")), "a camera is parent of itself: never suppressed");
    }

    @Test
    @DisplayName("a source that cannot start is DOWN with its reason; the others start and the start completes")
    void failedStartDoesNotStopTheOthers() {
        // GIVEN two sources, the first of which cannot start
        Fixed broken = new Fixed("push");
        broken.startFailure = new IllegalStateException("port 8099: Address already in use");
        Fixed fine = new Fixed("serial");
        Sources sources = new Sources().add(broken).add(fine);
        // WHEN they are started
        Future<Void> started = sources.startAll();
        // THEN the start completes, and the registry reports each state with its reason
        assertTrue(started.succeeded());
        JsonObject status = sources.statusJson();
        assertEquals("DOWN", status.getJsonObject("push").getString("state"));
        assertEquals("port 8099: Address already in use", status.getJsonObject("push").getString("reason"));
        assertEquals("UP", status.getJsonObject("serial").getString("state"));
    }

    @Test
    @DisplayName("two sources with one name are refused: the name keys /api/status, readiness and the metrics label")
    void namesAreUnique() {
        Sources sources = new Sources().add(new Fixed("mqtt"));
        assertThrows(IllegalArgumentException.class, () -> sources.add(new Fixed("mqtt")));
    }

    @Test
    @DisplayName("since is the instant the state was entered: a new reason in the same state keeps it")
    void sinceMarksTheStateChange() {
        // GIVEN a tracker that saw UP at 07:00
        StatusTracker tracker = new StatusTracker(clock);
        Instant upAt = tracker.observe(SourceState.UP, "polling").since();
        // WHEN time passes and only the reason changes THEN since stays
        clock.advance(Duration.ofMinutes(5));
        SourceStatus same = tracker.observe(SourceState.UP, "2 buses polling");
        assertEquals(upAt, same.since());
        assertEquals("2 buses polling", same.reason());
        // WHEN the state changes THEN since moves to now
        SourceStatus down = tracker.observe(SourceState.DOWN, "bus-a OFFLINE");
        assertEquals(clock.instant(), down.since());
    }
}
