package org.linli.gateway.mqtt;

import org.linli.gateway.config.MqttOptions;

import javax.net.SocketFactory;

/** What both Paho adapters need to connect, with the secret already resolved from the environment. */
record MqttConnectSettings(MqttOptions options, char[] password, SocketFactory socketFactory) {
    /** Whether Paho checks the broker's certificate names the host in the URL: yes unless mqtt.tls says otherwise. */
    boolean verifyHostname() {
        return options.tls() == null || options.tls().verifyHostname();
    }
}
