package org.linli.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The addresses each user logged in from successfully, recently ({@code remember}), at most {@code perUser} of them
 * (the oldest goes first). In memory only: a restart forgets them. Only users who logged in have an entry, so its
 * size is bounded by the configured users. Event-loop confined.
 */
final class KnownAddresses {
    private final Clock clock;
    private final Duration remember;
    private final int perUser;
    private final Map<String, LinkedHashMap<String, Instant>> byUser = new HashMap<>();

    KnownAddresses(Clock clock, Duration remember, int perUser) {
        this.clock = clock;
        this.remember = remember;
        this.perUser = perUser;
    }

    boolean known(String user, String address) {
        Map<String, Instant> addresses = byUser.get(user);
        Instant at = addresses == null ? null : addresses.get(address);
        return at != null && !at.plus(remember).isBefore(clock.instant());
    }

    void loggedIn(String user, String address) {
        LinkedHashMap<String, Instant> addresses = byUser.computeIfAbsent(user, u -> new LinkedHashMap<>());
        addresses.remove(address);
        addresses.put(address, clock.instant());
        while (addresses.size() > perUser) {
            addresses.remove(addresses.keySet().iterator().next());
        }
    }

    void sweep() {
        Instant oldest = clock.instant().minus(remember);
        byUser.values().forEach(a -> a.values().removeIf(at -> at.isBefore(oldest)));
        byUser.values().removeIf(Map::isEmpty);
    }
}
