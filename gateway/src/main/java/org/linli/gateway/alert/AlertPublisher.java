package org.linli.gateway.alert;

import org.linli.gateway.mqtt.MqttIngest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Publishes every alert version on the MQTT alerts topic for an upstream platform. Alerts are events, and events
 * travel at QoS 1: this is fixed here, not configurable, and a test asserts it.
 */
public final class AlertPublisher implements AlertListener {
    public static final int QOS = 1;
    private static final Logger LOG = LoggerFactory.getLogger(AlertPublisher.class);

    private final MqttIngest mqtt;
    private final String topic;

    public AlertPublisher(MqttIngest mqtt, String topic) {
        this.mqtt = mqtt;
        this.topic = topic;
    }

    @Override
    public void onAlert(Alert alert, boolean isNew) {
        byte[] payload = AlertJson.toJson(alert).encode().getBytes(StandardCharsets.UTF_8);
        mqtt.publish(topic, payload, QOS, false)
                .onFailure(e -> LOG.warn("alert {} not published on {}: {}", alert.id(), topic, e.getMessage()));
    }
}
