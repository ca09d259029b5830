package org.linli.gateway.pipeline;

import io.vertx.core.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.gateway.TestSites;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.timeseries.Lane;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineTest {
    private static final Instant T = Instant.parse("2026-11-22T03:00:00Z");

    /** What reached the sink, by lane: the telemetry lane and the events lane. */
    private final List<String> written = new ArrayList<>();
    private final List<String> writtenEvents = new ArrayList<>();
    private final List<DeviceEvent> events = new ArrayList<>();
    private final DeadLetters deadLetters = DeadLetters.inMemory(Clock.systemUTC());

    /** Decodes "gas=<value>", "alarm", "cleared" (a routine report with the alarm state 0) and "heartbeat"; anything else is malformed. */
    private static Decoded decode(String profile, String deviceId, byte[] payload, Instant at) throws DecodeException {
        String text = new String(payload, StandardCharsets.UTF_8);
        if (text.startsWith("gas=")) {
            return Decoded.of(List.of(new Reading(deviceId, Quantity.GAS_LEL, Double.parseDouble(text.substring(4)), at)), List.of());
        }
        if (text.equals("alarm")) {
            return Decoded.of(List.of(), List.of(new DeviceEvent(deviceId, EventType.ALARM, at)));
        }
        if (text.equals("cleared")) {
            return Decoded.of(List.of(new Reading(deviceId, Quantity.GAS_LEL, 0.5, at)),
                    List.of(new DeviceEvent(deviceId, EventType.ALARM_CLEARED, at)));
        }
        if (text.equals("heartbeat")) {
            return Decoded.of(List.of(), List.of(new DeviceEvent(deviceId, EventType.HEARTBEAT, at)));
        }
        throw new DecodeException(DecodeFailure.MALFORMED_JSON, "not a test payload");
    }

    private Pipeline pipeline() {
        SiteDirectory site = SiteDirectory.from(TestSites.small());
        return new Pipeline(site, PipelineTest::decode, points -> {
            written.addAll(points.lines(Lane.TELEMETRY));
            writtenEvents.addAll(points.lines(Lane.EVENTS));
            return Future.succeededFuture();
        }, List.of((d, e) -> events.add(e)), deadLetters);
    }

    private static IncomingMessage msg(String device, String profile, String payload) {
        return new IncomingMessage("mqtt", "t/" + device, payload.getBytes(StandardCharsets.UTF_8), device, profile, T);
    }

    @Test
    @DisplayName("a reading becomes one line with location tags from street to household and the typed field")
    void readingToLine() {
        Pipeline p = pipeline();
        assertTrue(p.accept(msg("gas-3-2-501", "test-gas", "gas=12.5")).succeeded());
        assertEquals(List.of(), writtenEvents, "a reading never travels in the events lane");
        assertEquals(List.of("gas_alarm,building=3,community=幸福社区,compound=幸福里,device=gas-3-2-501,grid=g1,"
                + "household=3-2-501,street=南湖街道,unit=2 gas_lel=12.5 " + T.toEpochMilli()), written);
    }

    @Test
    @DisplayName("an event is written to device_event in the events lane and handed to the listeners")
    void eventToListenersAndLine() {
        Pipeline p = pipeline();
        p.accept(msg("smoke-7-boiler", "test-smoke", "alarm"));
        assertEquals(1, events.size());
        assertEquals(List.of(), written, "an event never travels in the telemetry lane");
        assertEquals(1, writtenEvents.size());
        String line = writtenEvents.get(0);
        assertTrue(line.startsWith("device_event,area=boiler-room,building=7,"), line);
        assertTrue(line.contains("device_type=smoke_detector,event=alarm"), line);
        assertTrue(line.contains(" count=1i "), line);
    }

    @Test
    @DisplayName("unknown device, missing id, wrong profile and undecodable payload are each counted and dead-lettered")
    void rejectionsCounted() {
        Pipeline p = pipeline();
        p.accept(msg("gas-9-9-999", "test-gas", "gas=1"));
        p.accept(msg(null, "test-gas", "gas=1"));
        p.accept(msg("gas-3-2-501", "test-smoke", "gas=1"));
        p.accept(msg("gas-3-2-501", "test-gas", "{garbage"));
        assertEquals(List.of(), written);
        assertEquals(List.of(), writtenEvents);
        assertEquals(4, p.stats().rejected());
        assertEquals(1L, deadLetters.countsByReason().get("unknown_device"));
        assertEquals(1L, deadLetters.countsByReason().get("no_device_id"));
        assertEquals(1L, deadLetters.countsByReason().get("unknown_profile"));
        assertEquals(1L, deadLetters.countsByReason().get("malformed_json"));
        DeadLetter last = deadLetters.recent(1).get(0);
        assertEquals("{garbage", last.payload());
        assertEquals("t/gas-3-2-501", last.topic());
    }

    @Test
    @DisplayName("a decoder that throws a runtime exception costs one message, not the gateway")
    void decoderBugContained() {
        SiteDirectory site = SiteDirectory.from(TestSites.small());
        Pipeline p = new Pipeline(site, (pr, d, b, t) -> {
            throw new IllegalStateException("bug");
        }, points -> Future.succeededFuture(), List.of(), deadLetters);
        assertTrue(p.accept(msg("gas-3-2-501", "test-gas", "gas=1")).succeeded());
        assertEquals(1, deadLetters.total());
    }

    @Test
    @DisplayName("routine reports that repeat the alarm state write one alarm_cleared point per change of state, "
            + "while the listeners still get every event")
    void stateEventsWrittenOnChange() {
        // GIVEN a gas alarm whose every routine report says "alarm state 0"
        Pipeline p = pipeline();
        // WHEN it reports cleared three times, then an alarm twice, then cleared twice, with a heartbeat between
        for (String payload : List.of("cleared", "cleared", "heartbeat", "cleared", "alarm", "alarm", "cleared", "cleared")) {
            p.accept(msg("gas-3-2-501", "test-gas", payload));
        }
        // THEN the time series gets the first cleared (the state was unknown), the alarm and the cleared after it,
        // and the heartbeat; the readings of every report; and the listeners every event
        List<String> kinds = writtenEvents.stream().map(l -> l.replaceAll(".*,event=([a-z_]+).*", "$1")).toList();
        assertEquals(List.of("alarm_cleared", "heartbeat", "alarm", "alarm_cleared"), kinds);
        assertEquals(5, written.size(), "every report's reading is written");
        assertEquals(8, events.size(), "the rules see every event, repeated or not");
    }

    @Test
    @DisplayName("the remembered state is per device: one device's cleared state does not hide another's")
    void stateRememberedPerDevice() {
        // GIVEN two devices
        Pipeline p = pipeline();
        // WHEN each reports cleared twice
        p.accept(msg("gas-3-2-501", "test-gas", "cleared"));
        p.accept(msg("smoke-7-boiler", "test-smoke", "cleared"));
        p.accept(msg("gas-3-2-501", "test-gas", "cleared"));
        p.accept(msg("smoke-7-boiler", "test-smoke", "cleared"));
        // THEN each has written its one alarm_cleared
        assertEquals(2, writtenEvents.size(), writtenEvents.toString());
        assertTrue(writtenEvents.get(0).contains("device=gas-3-2-501"), writtenEvents.get(0));
        assertTrue(writtenEvents.get(1).contains("device=smoke-7-boiler"), writtenEvents.get(1));
    }

    @Test
    @DisplayName("a gas reading carries the device's configured alarm level as gas_lel_alarm, for the dashboards' red line")
    void gasReadingCarriesAlarmLevel() {
        // GIVEN a pipeline told that the gateway alarms at 20 %LEL
        SiteDirectory site = SiteDirectory.from(TestSites.small());
        Pipeline p = new Pipeline(site, PipelineTest::decode, points -> {
            written.addAll(points.lines(Lane.TELEMETRY));
            return Future.succeededFuture();
        }, List.of(), deadLetters, device -> 20.0);
        // WHEN a gas reading arrives
        p.accept(msg("gas-3-2-501", "test-gas", "gas=12.5"));
        // THEN its point holds the reading and the alarm level
        assertEquals(1, written.size());
        assertTrue(written.get(0).contains(" gas_lel=12.5,gas_lel_alarm=20.0 "), written.get(0));
    }
}
