package org.linli.gateway.config;

import java.util.List;

/**
 * The uplink to the centre's MQTT 5 broker cluster (docs/CENTRE.md). Optional section {@code uplink:}; absent = no
 * uplink. Every alert version is written to a durable outbox under {@code <storage.dataDir>/uplink} and published at
 * QoS 1 to {@code linli/v1/{street}/{community}/{compound}/alert}.
 *
 * @param urls        the broker nodes, {@code tcp://host:port} or {@code ssl://host:port}; the client tries them in turn
 * @param street      the street's id in the centre's site file
 * @param community   the community's id
 * @param compound    this compound's id
 * @param clientId    the MQTT client id; default the compound id (one session per compound)
 * @param username    optional broker user
 * @param passwordEnv name of the environment variable holding the broker password
 * @param enabled     false keeps the section but starts no uplink; default true
 * @param maxBytes    the outbox's disk quota; when full, new versions are refused and counted; default 256 MiB
 * @param summarySeconds the compound summary is published at least this often (5..59 s); default 15
 * @param tls         TLS to {@code ssl://} nodes, the same settings as {@code mqtt.tls} (caFile: the CA that signed
 *                    the nodes' certificates; optional client certificate; host names verified); absent: the JVM's
 *                    default trust store
 */
public record UplinkOptions(List<String> urls, String street, String community, String compound, String clientId,
                            String username, String passwordEnv, Boolean enabled, Long maxBytes,
                            Integer summarySeconds, MqttTlsOptions tls) {
    public static final int DEFAULT_SUMMARY_SECONDS = 15;

    public UplinkOptions {
        urls = urls == null ? List.of() : List.copyOf(urls);
        clientId = clientId == null ? compound : clientId;
        enabled = enabled == null || enabled;
        maxBytes = maxBytes == null ? 256L << 20 : maxBytes;
        summarySeconds = summarySeconds == null ? DEFAULT_SUMMARY_SECONDS : summarySeconds;
    }

    /** The same section without TLS settings or summary period (tests and older callers). */
    public UplinkOptions(List<String> urls, String street, String community, String compound, String clientId,
                         String username, String passwordEnv, Boolean enabled, Long maxBytes) {
        this(urls, street, community, compound, clientId, username, passwordEnv, enabled, maxBytes, null, null);
    }

    /** The compound's branch of the topic tree: {@code linli/v1/{street}/{community}/{compound}}. */
    public String topicBase() {
        return "linli/v1/" + street + "/" + community + "/" + compound;
    }

    /** The retained compound summary (and the will). */
    public String summaryTopic() {
        return topicBase() + "/summary";
    }

    /** The centre's commands to this compound. */
    public String commandTopic() {
        return topicBase() + "/command";
    }

    /** The topic every alert version goes to. */
    public String alertTopic() {
        return topicBase() + "/alert";
    }
}
