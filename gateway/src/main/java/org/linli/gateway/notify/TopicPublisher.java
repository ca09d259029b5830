package org.linli.gateway.notify;

import io.vertx.core.Future;

/** Publishes on the gateway's broker connection ({@code MqttIngest::publish}). */
@FunctionalInterface
public interface TopicPublisher {
    Future<Void> publish(String topic, byte[] payload, int qos, boolean retained);
}
