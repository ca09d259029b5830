package org.linli.sim.uplink;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * How {@link SimulatedUplinks} starts its compounds: the broker nodes' MQTT URIs; the street and community the
 * compounds are under; how many, with ids {@code idPrefix + 1..n}; whether each compound's URI list starts at a
 * different node (compound i prefers node i mod nodes, so the compounds spread over the cluster); the password of a
 * compound's user (null: connect without a login); the summary interval (must be under 60 s, the contract's bound);
 * the MQTT keep-alive (the gateway's 10 s: the broker fires the will ~15 s after a dead connection).
 */
public record UplinkOptions(List<String> serverUris, String street, String community, int count, String idPrefix,
                            boolean spread, Function<String, String> passwordOf, Duration summaryInterval,
                            int keepAliveSeconds) {
    public UplinkOptions {
        serverUris = List.copyOf(serverUris);
        if (serverUris.isEmpty() || count < 1) {
            throw new IllegalArgumentException("need at least one server URI and one compound");
        }
        if (summaryInterval.isNegative() || summaryInterval.isZero() || summaryInterval.toSeconds() >= 60) {
            throw new IllegalArgumentException("summaryInterval must be over 0 and under 60 s");
        }
    }

    /** {@code count} compounds "x1".."xN" under street/community, spread, no login, summaries every 15 s. */
    public static UplinkOptions of(List<String> serverUris, String street, String community, int count) {
        return new UplinkOptions(serverUris, street, community, count, "x", true, null, Duration.ofSeconds(15), 10);
    }

    public UplinkOptions withLogin(Function<String, String> passwordOf) {
        return new UplinkOptions(serverUris, street, community, count, idPrefix, spread, passwordOf, summaryInterval,
                keepAliveSeconds);
    }

    public UplinkOptions withSummaryInterval(Duration interval) {
        return new UplinkOptions(serverUris, street, community, count, idPrefix, spread, passwordOf, interval,
                keepAliveSeconds);
    }

    public UplinkOptions withIdPrefix(String prefix) {
        return new UplinkOptions(serverUris, street, community, count, prefix, spread, passwordOf, summaryInterval,
                keepAliveSeconds);
    }

    public UplinkOptions withKeepAlive(int seconds) {
        return new UplinkOptions(serverUris, street, community, count, idPrefix, spread, passwordOf, summaryInterval,
                seconds);
    }
}
