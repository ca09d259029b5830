package org.linli.gateway.mqtt;

import org.linli.gateway.config.MqttOptions;

import javax.net.SocketFactory;

/** What both Paho adapters need to connect, with the secret already resolved from the environment. */
record MqttConnectSettings(MqttOptions options, char[] password, SocketFactory socketFactory) {
}
