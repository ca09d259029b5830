package org.linli.gateway.notify;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.gateway.MutableClock;
import org.linli.gateway.TestSites;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertAction;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertRequest;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.config.NotifyChannelOptions;
import org.linli.gateway.config.NotifyOptions;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.Location;
import org.linli.gateway.site.SiteDirectory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class AlertsTopicFeedTest {
    private static final String ALERTS_TOPIC = "linli/alerts";

    /** One publish as the broker connection received it. */
    private record Published(String topic, JsonObject alert, int qos, boolean retained) {
    }

    /** Stands in for the broker connection ({@code MqttIngest::publish}): records what is published, accepts all. */
    private final List<Published> broker = new CopyOnWriteArrayList<>();
    private final TopicPublisher publisher = (topic, payload, qos, retained) -> {
        broker.add(new Published(topic, new JsonObject(new String(payload, StandardCharsets.UTF_8)), qos, retained));
        return Future.succeededFuture();
    };
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:00:00Z"));
    private final SiteDirectory site = SiteDirectory.from(TestSites.small());

    private AlertRequest gasLeak() {
        Device d = site.device("gas-3-2-501").orElseThrow();
        return new AlertRequest(AlertKey.device(d.id(), AlertType.GAS_LEAK), AlertType.GAS_LEAK,
                Severity.CRITICAL_VULNERABLE, d.location(), d, "LEL 35%");
    }

    private List<Published> on(String topic) {
        return broker.stream().filter(p -> p.topic().equals(topic)).toList();
    }

    @Test
    @DisplayName("without a notify section the alerts topic gets every version of an alert, as its alert JSON, at QoS 1, not retained")
    void everyVersionAtQos1() {
        // GIVEN the alert service with the feed on the alerts topic, as the gateway wires it
        AlertService alerts = new AlertService(site, clock);
        alerts.addListener(new AlertsTopicFeed(publisher, ALERTS_TOPIC));
        // WHEN a gas alarm is raised, repeats, gets a snapshot, clears and is accepted
        Alert a = alerts.raise(gasLeak());
        alerts.raise(gasLeak());
        alerts.attachEvidence(a.id(), "/api/snapshots/s1");
        alerts.clear(AlertKey.device("gas-3-2-501", AlertType.GAS_LEAK));
        alerts.act(a.id(), AlertAction.ACCEPTED, "li", null, null);
        // THEN the topic got each of the five versions, in order, at QoS 1 and not retained
        List<Published> sent = on(ALERTS_TOPIC);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), sent.stream().map(p -> p.alert().getLong("version")).toList());
        assertTrue(sent.stream().allMatch(p -> p.qos() == 1 && !p.retained()), sent.toString());
        assertEquals(AlertsTopicFeed.QOS, sent.get(0).qos());
        assertEquals(a.id(), sent.get(0).alert().getString("id"));
        assertEquals("gas-3-2-501", sent.get(0).alert().getJsonObject("device").getString("id"));
    }

    @Test
    @DisplayName("with a notify section, an mqtt channel left on the alerts topic does not publish twice; one on its own topic gets what its filter takes")
    void notifyChannelsDoNotDoublePublish(Vertx vertx) {
        // GIVEN a notify section with an mqtt channel on the default (alerts) topic and one for CRITICAL and above on
        // its own topic, and the feed, wired as the gateway wires them
        Context ctx = vertx.getOrCreateContext();
        NotifyOptions options = new NotifyOptions(List.of(mqtt("platform", null, null),
                mqtt("critical", "linli/critical", "CRITICAL")), 1, null, null);
        Notifier notifier = on(ctx, () -> NotifierFactory.create(vertx, options, name -> null, clock,
                NotifyFixture.PUBLIC, publisher, ALERTS_TOPIC, NotifyTiming.standard()));
        AlertService alerts = on(ctx, () -> {
            AlertService s = new AlertService(site, clock);
            s.addListener(notifier);
            s.addListener(new AlertsTopicFeed(publisher, ALERTS_TOPIC));
            return s;
        });
        // WHEN a gas alarm (CRITICAL_VULNERABLE) and a bus outage (MAJOR) are raised
        on(ctx, () -> alerts.raise(gasLeak()));
        on(ctx, () -> alerts.raise(new AlertRequest(AlertKey.bus("meters-7"), AlertType.BUS_OFFLINE, Severity.MAJOR,
                Location.parse("7"), null, "adapter unplugged")));
        await().atMost(Duration.ofSeconds(10)).until(() -> on(ctx, notifier::idle) && on("linli/critical").size() == 1);
        // THEN the alerts topic got each alert once, the channel on it was left out
        assertEquals(List.of("GAS_LEAK", "BUS_OFFLINE"),
                on(ALERTS_TOPIC).stream().map(p -> p.alert().getString("type")).toList());
        assertEquals(List.of("critical"), notifier.channelIds());
        // AND the channel on its own topic got the gas alarm only, at QoS 1
        assertEquals("GAS_LEAK", on("linli/critical").get(0).alert().getString("type"));
        assertEquals(1, on("linli/critical").get(0).qos());
    }

    private static NotifyChannelOptions mqtt(String id, String topic, String minSeverity) {
        return new NotifyChannelOptions(id, org.linli.gateway.config.ChannelType.MQTT, null, null, null, null, null, topic, null, null, minSeverity, null,
                null, null, null);
    }

    /** Runs {@code what} on the event-loop context and returns its result. */
    private static <T> T on(Context ctx, Supplier<T> what) {
        Promise<T> p = Promise.promise();
        ctx.runOnContext(v -> {
            try {
                p.complete(what.get());
            } catch (RuntimeException e) {
                p.fail(e);
            }
        });
        return NotifyFixture.await(p.future(), Duration.ofSeconds(10));
    }
}
