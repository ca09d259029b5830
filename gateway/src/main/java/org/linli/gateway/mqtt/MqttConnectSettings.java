package org.linli.gateway.mqtt;

import org.linli.gateway.config.MqttOptions;

import javax.net.SocketFactory;

/** What both Paho adapters need to connect, with the secret already resolved from the environment. */
record MqttConnectSettings(MqttOptions options, char[] password, SocketFactory socketFactory) {
    /**
     * The settings for {@code options}' broker: the TLS socket factory where one is given; for a {@code tcp://} broker
     * sockets with buffered input ({@link BufferedInputSocketFactory}); otherwise (WebSocket, or TLS with the JVM's
     * defaults) Paho's own.
     */
    static MqttConnectSettings of(MqttOptions options, char[] password, SocketFactory tls) {
        SocketFactory sockets = tls != null ? tls
                : options.url() != null && options.url().startsWith("tcp://") ? new BufferedInputSocketFactory() : null;
        return new MqttConnectSettings(options, password, sockets);
    }

    /** Whether Paho checks the broker's certificate names the host in the URL: yes unless mqtt.tls says otherwise. */
    boolean verifyHostname() {
        return options.tls() == null || options.tls().verifyHostname();
    }
}
