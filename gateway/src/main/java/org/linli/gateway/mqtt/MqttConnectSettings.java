package org.linli.gateway.mqtt;

import org.linli.gateway.config.MqttOptions;

import javax.net.SocketFactory;

/** What both Paho adapters need to connect, with the secret already resolved from the environment. */
record MqttConnectSettings(MqttOptions options, char[] password, SocketFactory socketFactory) {
    int reconnectMinSeconds() {
        return Math.max(1, options.reconnectMinDelayMs() / 1000);
    }

    int reconnectMaxSeconds() {
        return Math.max(reconnectMinSeconds(), options.reconnectMaxDelayMs() / 1000);
    }
}
