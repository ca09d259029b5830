package org.linli.gateway.notify;

import io.vertx.core.Future;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertJson;
import org.linli.gateway.alert.AlertListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * The MQTT alerts topic ({@code mqtt.alertsTopic}) for an upstream platform: every alert version, as its alert JSON
 * (docs/API.md), published the moment the alert service makes it, with or without a {@code notify} section. Alerts
 * are events, and events travel at QoS 1: fixed here, not configurable, and a test asserts it. This is the one place
 * that turns an alert into an MQTT message; {@link MqttChannel} (a notify channel on another topic) publishes through
 * {@link #publish} too. Runs on the event loop of the alert service; a failed publish is logged, never thrown.
 */
public final class AlertsTopicFeed implements AlertListener {
    public static final int QOS = 1;
    private static final Logger LOG = LoggerFactory.getLogger(AlertsTopicFeed.class);

    private final TopicPublisher publisher;
    private final String topic;

    public AlertsTopicFeed(TopicPublisher publisher, String topic) {
        this.publisher = publisher;
        this.topic = topic;
    }

    @Override
    public void onAlert(Alert alert, boolean isNew) {
        publish(publisher, topic, alert)
                .onFailure(e -> LOG.warn("alert {} not published on {}: {}", alert.id(), topic, e.getMessage()));
    }

    /** Publishes one alert version as its alert JSON on {@code topic}, at QoS 1, not retained. */
    static Future<Void> publish(TopicPublisher publisher, String topic, Alert alert) {
        return publisher.publish(topic, AlertJson.toJson(alert).encode().getBytes(StandardCharsets.UTF_8), QOS, false);
    }
}
