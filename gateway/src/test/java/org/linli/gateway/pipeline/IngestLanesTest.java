package org.linli.gateway.pipeline;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;
import org.linli.gateway.site.Device;
import org.linli.gateway.timeseries.Lane;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parallel decode path with its lanes, on a real Vert.x event loop with the real profiles and pipeline. */
class IngestLanesTest {
    private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

    private final Vertx vertx = Vertx.vertx();
    private final List<String> stored = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<EventType>> events = new ConcurrentHashMap<>();
    private final AtomicInteger taken = new AtomicInteger();
    private final AtomicInteger notTaken = new AtomicInteger();
    private IngestLanes lanes;

    @AfterEach
    void close() {
        if (lanes != null) {
            lanes.stop();
        }
        vertx.close();
    }

    private IngestLanes start(LaneTestSite s, int workers) {
        Context ctx = vertx.getOrCreateContext();
        Pipeline pipeline = new Pipeline(s.site, LaneTestSite.PROFILES, batch -> {
            stored.addAll(batch.lines(Lane.TELEMETRY));
            stored.addAll(batch.lines(Lane.EVENTS));
            return Future.succeededFuture();
        }, List.of((Device d, DeviceEvent e) -> events.computeIfAbsent(d.id(), k -> Collections.synchronizedList(new ArrayList<>())).add(e.type())),
                DeadLetters.inMemory(Clock.systemUTC()));
        lanes = new IngestLanes(ctx, pipeline, workers, m -> { });
        return lanes;
    }

    private void submit(String device, String profile, byte[] payload) {
        lanes.submit(new IncomingMessage("mqtt", "t/" + device, payload, device, profile, Instant.now()),
                new IngestLanes.Outcome() {
                    @Override
                    public void taken() {
                        taken.incrementAndGet();
                    }

                    @Override
                    public void notTaken() {
                        notTaken.incrementAndGet();
                    }
                });
    }

    @Test
    @DisplayName("with 3 decode workers, 24 interleaved devices keep their stored points and their alarms in publish order")
    void perDeviceOrderKept() throws Exception {
        // GIVEN 24 devices on two profiles and 3 workers
        LaneTestSite s = new LaneTestSite();
        start(s, 3);
        // WHEN each device publishes 60 messages, interleaved, every 7th an alarm and the next a clear
        int rounds = 60;
        Map<String, List<EventType>> expectedAlarmOrder = new ConcurrentHashMap<>();
        for (int i = 0; i < rounds; i++) {
            boolean alarm = i % 7 == 3;
            for (String g : s.gas) {
                submit(g, "acme-gas-flat", LaneTestSite.gasReport(g, T0.toEpochMilli() + i * 1000L, i * 10, alarm));
                expectedAlarmOrder.computeIfAbsent(g, k -> new ArrayList<>()).add(alarm ? EventType.ALARM : EventType.ALARM_CLEARED);
            }
            for (String sm : s.smoke) {
                String event = alarm ? "fire" : i % 7 == 4 ? "fire_clear" : "report";
                submit(sm, "beacon-smoke-iso", LaneTestSite.smokeReport(sm, i, event, i));
                if (!event.equals("report")) {
                    expectedAlarmOrder.computeIfAbsent(sm, k -> new ArrayList<>()).add(alarm ? EventType.ALARM : EventType.ALARM_CLEARED);
                }
            }
        }
        int total = rounds * (s.gas.size() + s.smoke.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> taken.get() == total);
        // THEN every message was taken once, each device's readings are stored in publish (= time) order ...
        assertEquals(0, notTaken.get());
        for (String id : s.gas) {
            List<Long> times = stored.stream().filter(l -> l.startsWith("gas_alarm,") && l.contains("device=" + id + ","))
                    .map(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).collect(Collectors.toList());
            assertEquals(rounds, times.size(), id);
            List<Long> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            assertEquals(sorted, times, "stored points of " + id + " in publish order");
        }
        for (String id : s.smoke) {
            List<String> smoke = stored.stream().filter(l -> l.startsWith("smoke_detector,") && l.contains("device=" + id + ","))
                    .map(l -> l.substring(l.indexOf("smoke_level=") + 12, l.indexOf(' ', l.indexOf("smoke_level=")))).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                expected.add((i / 10) + "." + (i % 10));
            }
            assertEquals(expected, smoke, "stored points of " + id + " in publish order");
        }
        // ... and the alarms and clears reached the listeners (the alert rules) in publish order, device by device
        for (Map.Entry<String, List<EventType>> e : expectedAlarmOrder.entrySet()) {
            List<EventType> seen = events.get(e.getKey()).stream()
                    .filter(t -> t == EventType.ALARM || t == EventType.ALARM_CLEARED).toList();
            assertEquals(e.getValue(), seen, "alarm events of " + e.getKey());
        }
    }

    @Test
    @DisplayName("an alarm behind a held backlog of 400 readings reaches the listeners while the readings still wait")
    void alarmOvertakesBacklog() throws Exception {
        // GIVEN 2 workers and the bulk lane to the event loop held: readings can be decoded but not applied
        LaneTestSite s = new LaneTestSite();
        start(s, 2);
        lanes.holdBulk(true);
        int readings = 400;
        String alarmed = s.gas.get(5);
        int ofAlarmed = 0;
        for (int i = 0; i < readings; i++) {
            String id = i % 2 == 0 ? s.gas.get(i / 2 % s.gas.size()) : s.smoke.get(i / 2 % s.smoke.size());
            if (id.equals(alarmed)) {
                ofAlarmed++;
            }
            submit(id, id.startsWith("gas") ? "acme-gas-flat" : "beacon-smoke-iso", id.startsWith("gas")
                    ? LaneTestSite.gasReport(id, T0.toEpochMilli() + i, 50, false)
                    : LaneTestSite.smokeReport(id, i, "report", 5));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> lanes.waitingBulk() == readings);
        // WHEN a gas alarm is published behind them
        submit(alarmed, "acme-gas-flat", LaneTestSite.gasReport(alarmed, T0.toEpochMilli() + readings, 300, true));
        // THEN the alarm reaches the listeners while the other devices' readings still wait in the held lane,
        // after its own device's earlier readings (promoted with it), and before anything else
        await().atMost(Duration.ofSeconds(10)).until(() -> events.getOrDefault(alarmed, List.of()).contains(EventType.ALARM));
        assertEquals(ofAlarmed + 1, taken.get(), "only the alarmed device's messages were applied");
        assertEquals(readings - ofAlarmed, lanes.waitingBulk(), "every other reading still waits");
        assertEquals(EventType.ALARM, events.get(alarmed).get(events.get(alarmed).size() - 1));
        assertEquals(ofAlarmed + 1, events.get(alarmed).size(), "its earlier reports (alarm state 0) came first");
        // AND once released, the backlog drains completely
        lanes.holdBulk(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> taken.get() == readings + 1);
        assertTrue(notTaken.get() == 0);
    }
}
