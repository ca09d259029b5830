package org.linli.centre.config;

/**
 * {@code centre:}: this replica's id (a topic level of its reply topic; default {@code LINLI_CENTRE_REPLICA} or the
 * host name, filled in by the loader), the HTTP address, after how many seconds without a summary a compound counts
 * as unreachable (default 45, the gateway summarises at least every 15 s), the escalation level from which the
 * street's duty robot is told (default 2: past the community), and the largest MQTT payload accepted.
 */
public record CentreOptions(String replica, String host, Integer port, Integer unreachableAfterSeconds,
                            Integer streetEscalationLevel, Integer maxPayloadBytes) {
    public static final int DEFAULT_UNREACHABLE_AFTER_SECONDS = 45;
    public static final int DEFAULT_STREET_ESCALATION_LEVEL = 2;
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 256 * 1024;

    public String hostOrDefault() {
        return host == null ? "127.0.0.1" : host;
    }

    public int portOrDefault() {
        return port == null ? 8090 : port;
    }

    public int unreachableAfter() {
        return unreachableAfterSeconds == null ? DEFAULT_UNREACHABLE_AFTER_SECONDS : unreachableAfterSeconds;
    }

    public int streetLevel() {
        return streetEscalationLevel == null ? DEFAULT_STREET_ESCALATION_LEVEL : streetEscalationLevel;
    }

    public int maxPayload() {
        return maxPayloadBytes == null ? DEFAULT_MAX_PAYLOAD_BYTES : maxPayloadBytes;
    }

    public CentreOptions withReplica(String id) {
        return new CentreOptions(id, host, port, unreachableAfterSeconds, streetEscalationLevel, maxPayloadBytes);
    }

    public CentreOptions withPort(int p) {
        return new CentreOptions(replica, host, p, unreachableAfterSeconds, streetEscalationLevel, maxPayloadBytes);
    }
}
