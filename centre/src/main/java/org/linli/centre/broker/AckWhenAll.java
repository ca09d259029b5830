package org.linli.centre.broker;

import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands each message of a manual-ack link to several handlers (the escalation watch and the archive feed) and
 * acknowledges it once EVERY one of them has called its ack: a replica killed while one of them is still busy leaves
 * the message to the broker for another replica. Each handler must call its ack exactly once. Any thread.
 */
public final class AckWhenAll implements BrokerLink.Handler {
    private final List<BrokerLink.Handler> handlers;

    public AckWhenAll(List<BrokerLink.Handler> handlers) {
        this.handlers = List.copyOf(handlers);
    }

    @Override
    public void message(String topic, MqttMessage message, Runnable ack) {
        AtomicInteger left = new AtomicInteger(handlers.size());
        Runnable part = () -> {
            if (left.decrementAndGet() == 0) {
                ack.run();
            }
        };
        for (BrokerLink.Handler h : handlers) {
            h.message(topic, message, part);
        }
    }
}
