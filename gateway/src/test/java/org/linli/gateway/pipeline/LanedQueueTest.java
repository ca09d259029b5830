package org.linli.gateway.pipeline;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two lanes' order: urgent first, each key's items in order, an urgent item taking its key's waiting items along. */
class LanedQueueTest {
    private static List<String> drain(LanedQueue<String> q) {
        List<String> out = new ArrayList<>();
        String item;
        while ((item = q.poll()) != null) {
            out.add(item);
        }
        return out;
    }

    @Test
    @DisplayName("an urgent item goes first, after its own device's waiting bulk items; other devices keep their order")
    void urgentPromotesItsKeysWaitingItemsInOrder() {
        LanedQueue<String> q = new LanedQueue<>();
        q.offer("a", false, "a1");
        q.offer("b", false, "b1");
        q.offer("a", false, "a2");
        q.offer("c", false, "c1");
        q.offer("b", false, "b2");
        q.offer("a", true, "a-alarm");
        assertEquals(3, q.urgentSize(), "the alarm and a's two readings are urgent");
        assertEquals(3, q.bulkSize(), "b1, c1, b2 still wait in the bulk lane");
        q.offer("a", false, "a3");                            // after the alarm: bulk again
        assertEquals(List.of("a1", "a2", "a-alarm", "b1", "c1", "b2", "a3"), drain(q));
        assertEquals(0, q.bulkSize());
        assertTrue(q.isEmpty());
    }

    @Test
    @DisplayName("a second alarm of the same device finds nothing left to promote; an item without a key promotes nothing")
    void promotionHappensOnce() {
        LanedQueue<String> q = new LanedQueue<>();
        q.offer("a", false, "a1");
        q.offer("a", true, "alarm-1");
        q.offer("b", false, "b1");
        q.offer("a", true, "alarm-2");
        q.offer(null, true, "task");
        assertEquals(List.of("a1", "alarm-1", "alarm-2", "task", "b1"), drain(q));
    }

    @Test
    @DisplayName("with the bulk lane held, only urgent items (and what they promote) come out")
    void heldBulkLane() {
        LanedQueue<String> q = new LanedQueue<>();
        q.holdBulk(true);
        q.offer("a", false, "a1");
        q.offer("b", false, "b1");
        q.offer("b", true, "b-alarm");
        assertEquals(List.of("b1", "b-alarm"), drain(q));
        q.holdBulk(false);
        assertEquals(List.of("a1"), drain(q));
    }
}
