package org.linli.gateway.config;

import java.util.List;

/**
 * The MQTT broker connection. Secrets are never in the file: {@code passwordEnv} names the environment variable.
 * TLS settings are in {@code tls} (null: none, or the JVM's default trust store for an {@code ssl://} url).
 * A fixed client id and a persistent session let the broker keep QoS 1 messages while the gateway is away.
 * {@code maxPacketSizeBytes} is announced to an MQTT 5 broker, which then never sends a larger packet (it drops the
 * message for us); MQTT 3.1.1 has no such announcement, and there the broker's own limit is the protection.
 * {@code maxInFlight} bounds the messages delivered to the gateway and not yet in its disk queue: announced as MQTT 5's
 * Receive Maximum, and enforced for QoS 0 and MQTT 3.1.1 by holding back Paho's reading (TCP back-pressure).
 * {@code lifeSafetyConnection} (default false) takes the gas alarms' and smoke detectors' topics on a second connection,
 * client id {@code clientId + "-life-safety"}, so that the broker queues them apart from the meters' readings
 * (docs/ARCHITECTURE.md "The life-safety connection").
 */
public record MqttOptions(
        String url,
        String version,
        String clientId,
        String username,
        String passwordEnv,
        Integer keepAliveSeconds,
        Long sessionExpirySeconds,
        Integer reconnectMinDelayMs,
        Integer reconnectMaxDelayMs,
        String alertsTopic,
        List<SubscriptionOptions> subscriptions,
        MqttTlsOptions tls,
        Integer maxPacketSizeBytes,
        Integer maxInFlight,
        Boolean lifeSafetyConnection) {

    /** The default maximum packet size: four times the largest payload a profile decodes (64 KiB), far below the heap. */
    public static final int DEFAULT_MAX_PACKET_SIZE_BYTES = 256 * 1024;

    /** The default bound on messages in flight between the broker and the disk queue (docs/OPERATIONS.md, sizing). */
    public static final int DEFAULT_MAX_IN_FLIGHT = 1000;

    public MqttOptions {
        version = version == null ? "5" : version;
        keepAliveSeconds = keepAliveSeconds == null ? 30 : keepAliveSeconds;
        sessionExpirySeconds = sessionExpirySeconds == null ? 7 * 24 * 3600L : sessionExpirySeconds;
        reconnectMinDelayMs = reconnectMinDelayMs == null ? 500 : reconnectMinDelayMs;
        reconnectMaxDelayMs = reconnectMaxDelayMs == null ? 30_000 : reconnectMaxDelayMs;
        alertsTopic = alertsTopic == null ? "linli/alerts" : alertsTopic;
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
        maxPacketSizeBytes = maxPacketSizeBytes == null ? DEFAULT_MAX_PACKET_SIZE_BYTES : maxPacketSizeBytes;
        maxInFlight = maxInFlight == null ? DEFAULT_MAX_IN_FLIGHT : maxInFlight;
        lifeSafetyConnection = lifeSafetyConnection != null && lifeSafetyConnection;
    }

    /** What the life-safety connection appends to {@code clientId}. */
    public static final String LIFE_SAFETY_CLIENT_SUFFIX = "-life-safety";

    /** A broker connection with every optional setting at its default (MQTT 5, no credentials, no TLS settings). */
    public static MqttOptions of(String url, String clientId) {
        return new MqttOptions(url, null, clientId, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public MqttOptions withVersion(String v) {
        return new MqttOptions(url, v, clientId, username, passwordEnv, keepAliveSeconds, sessionExpirySeconds,
                reconnectMinDelayMs, reconnectMaxDelayMs, alertsTopic, subscriptions, tls, maxPacketSizeBytes, maxInFlight, lifeSafetyConnection);
    }

    /** A user name and the environment variable holding the password. */
    public MqttOptions withCredentials(String user, String passwordVariable) {
        return new MqttOptions(url, version, clientId, user, passwordVariable, keepAliveSeconds, sessionExpirySeconds,
                reconnectMinDelayMs, reconnectMaxDelayMs, alertsTopic, subscriptions, tls, maxPacketSizeBytes, maxInFlight, lifeSafetyConnection);
    }

    public MqttOptions withKeepAliveSeconds(int seconds) {
        return new MqttOptions(url, version, clientId, username, passwordEnv, seconds, sessionExpirySeconds,
                reconnectMinDelayMs, reconnectMaxDelayMs, alertsTopic, subscriptions, tls, maxPacketSizeBytes, maxInFlight, lifeSafetyConnection);
    }

    public MqttOptions withReconnectDelaysMs(int min, int max) {
        return new MqttOptions(url, version, clientId, username, passwordEnv, keepAliveSeconds, sessionExpirySeconds,
                min, max, alertsTopic, subscriptions, tls, maxPacketSizeBytes, maxInFlight, lifeSafetyConnection);
    }

    public MqttOptions withAlertsTopic(String topic) {
        return new MqttOptions(url, version, clientId, username, passwordEnv, keepAliveSeconds, sessionExpirySeconds,
                reconnectMinDelayMs, reconnectMaxDelayMs, topic, subscriptions, tls, maxPacketSizeBytes, maxInFlight, lifeSafetyConnection);
    }

    public MqttOptions withSubscriptions(List<SubscriptionOptions> s) {
        return new MqttOptions(url, version, clientId, username, passwordEnv, keepAliveSeconds, sessionExpirySeconds,
                reconnectMinDelayMs, reconnectMaxDelayMs, alertsTopic, s, tls, maxPacketSizeBytes, maxInFlight, lifeSafetyConnection);
    }

    public MqttOptions withTls(MqttTlsOptions t) {
        return new MqttOptions(url, version, clientId, username, passwordEnv, keepAliveSeconds, sessionExpirySeconds,
                reconnectMinDelayMs, reconnectMaxDelayMs, alertsTopic, subscriptions, t, maxPacketSizeBytes, maxInFlight, lifeSafetyConnection);
    }

    public MqttOptions withMaxPacketSizeBytes(int bytes) {
        return new MqttOptions(url, version, clientId, username, passwordEnv, keepAliveSeconds, sessionExpirySeconds,
                reconnectMinDelayMs, reconnectMaxDelayMs, alertsTopic, subscriptions, tls, bytes, maxInFlight, lifeSafetyConnection);
    }

    public MqttOptions withMaxInFlight(int messages) {
        return new MqttOptions(url, version, clientId, username, passwordEnv, keepAliveSeconds, sessionExpirySeconds,
                reconnectMinDelayMs, reconnectMaxDelayMs, alertsTopic, subscriptions, tls, maxPacketSizeBytes, messages, lifeSafetyConnection);
    }

    public MqttOptions withLifeSafetyConnection(boolean on) {
        return new MqttOptions(url, version, clientId, username, passwordEnv, keepAliveSeconds, sessionExpirySeconds,
                reconnectMinDelayMs, reconnectMaxDelayMs, alertsTopic, subscriptions, tls, maxPacketSizeBytes, maxInFlight, on);
    }

    /** The same connection settings under another client id (the life-safety connection's). */
    public MqttOptions withClientId(String id) {
        return new MqttOptions(url, version, id, username, passwordEnv, keepAliveSeconds, sessionExpirySeconds,
                reconnectMinDelayMs, reconnectMaxDelayMs, alertsTopic, subscriptions, tls, maxPacketSizeBytes, maxInFlight,
                lifeSafetyConnection);
    }

    public boolean usesTls() {
        return url != null && (url.startsWith("ssl://") || url.startsWith("wss://"));
    }

    public boolean isV5() {
        return "5".equals(version);
    }
}
