package org.linli.gateway.notify;

import io.vertx.core.Future;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The MQTT alerts topic as a channel: every alert version as its alert JSON, at QoS 1 (alerts are events), for an
 * upstream platform. A machine feed: the notifier sends it every version, never a digest.
 */
final class MqttChannel implements Channel {
    static final int QOS = 1;

    private final String id;
    private final TopicPublisher publisher;
    private final String topic;

    MqttChannel(String id, TopicPublisher publisher, String topic) {
        this.id = id;
        this.publisher = publisher;
        this.topic = topic;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return "mqtt";
    }

    @Override
    public int maxMessageBytes() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Future<DeliveryResult> send(Notice notice) {
        List<Future<Void>> sent = new ArrayList<>();
        for (Alert a : notice.alerts()) {
            sent.add(publisher.publish(topic, AlertJson.toJson(a).encode().getBytes(StandardCharsets.UTF_8), QOS, false));
        }
        return Future.all(sent).map(x -> DeliveryResult.delivered(0))
                .otherwise(e -> DeliveryResult.retry(0, null, "not published: " + e.getMessage()));
    }
}
