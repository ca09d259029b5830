package org.linli.gateway.notify;

import io.vertx.core.Future;
import org.linli.gateway.alert.Alert;

import java.util.ArrayList;
import java.util.List;

/**
 * A notify channel of type {@code mqtt}: every alert version its filters take (grids, minimum severity), as its alert
 * JSON at QoS 1 ({@link AlertsTopicFeed#publish}), on a topic other than the alerts topic, with the dispatcher's
 * retries and the delivery log. A machine feed: the notifier sends it every version, never a digest. The alerts topic
 * itself is fed by {@link AlertsTopicFeed}, so {@link NotifierFactory} builds no channel on it.
 */
final class MqttChannel implements Channel {

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
            sent.add(AlertsTopicFeed.publish(publisher, topic, a));
        }
        return Future.all(sent).map(x -> DeliveryResult.delivered(0))
                .otherwise(e -> DeliveryResult.retry(0, null, "not published: " + e.getMessage()));
    }
}
