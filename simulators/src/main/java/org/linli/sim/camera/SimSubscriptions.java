package org.linli.sim.camera;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live subscriptions of a simulated camera. Ids are never reused, even across reboot(), so a client that keeps
 * an old address after a reboot is told ResourceUnknown instead of silently reading someone else's queue.
 */
final class SimSubscriptions {
    private final Map<Integer, SimSubscription> live = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);

    SimSubscription create(Instant terminationTime, List<SimEvent> initialState) {
        SimSubscription s = new SimSubscription(nextId.getAndIncrement(), terminationTime);
        initialState.forEach(s::offer);
        live.put(s.id, s);
        return s;
    }

    /** The subscription, or null if unknown, unsubscribed or expired (an expired one is dropped here). */
    SimSubscription find(int id, Instant cameraNow) {
        SimSubscription s = live.get(id);
        if (s != null && s.expiredAt(cameraNow)) {
            live.remove(id);
            s.close();
            return null;
        }
        return s;
    }

    boolean remove(int id) {
        SimSubscription s = live.remove(id);
        if (s != null) {
            s.close();
        }
        return s != null;
    }

    void publish(SimEvent e, Instant cameraNow) {
        live.values().removeIf(s -> {
            if (s.expiredAt(cameraNow)) {
                s.close();
                return true;
            }
            s.offer(e);
            return false;
        });
    }

    void clear() {
        live.values().forEach(SimSubscription::close);
        live.clear();
    }

    int size() {
        return live.size();
    }
}
