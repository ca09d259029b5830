package org.linli.gateway.mqtt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The in-flight bound on its own: slots, the byte budget, and what a connection's end does to a waiting thread. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class InFlightLimitTest {

    @Test
    @DisplayName("a full bound makes the next acquire wait until a slot is released; a second release frees nothing")
    void waitsForASlot() throws Exception {
        // GIVEN a bound of 2, both slots held
        InFlightLimit limit = new InFlightLimit(2);
        InFlightLimit.Connection c = limit.connection(() -> true);
        InFlightLimit.Slot a = c.acquire(10);
        c.acquire(10);
        // WHEN a third message arrives
        CompletableFuture<InFlightLimit.Slot> third = CompletableFuture.supplyAsync(() -> c.acquire(10));
        // THEN it waits, and gets its slot once one is released (twice: the second release does nothing)
        await().atMost(Duration.ofSeconds(5)).until(() -> limit.waits() == 1);
        assertFalse(third.isDone());
        a.release();
        a.release();
        assertNotNull(third.get(5, TimeUnit.SECONDS));
        assertEquals(2, limit.used());
    }

    @Test
    @DisplayName("past 16 MiB of payloads a message waits even with free slots; a single larger message is let through")
    void byteBudget() throws Exception {
        // GIVEN many slots and one message holding almost the whole byte budget
        InFlightLimit limit = new InFlightLimit(1000);
        InFlightLimit.Connection c = limit.connection(() -> true);
        InFlightLimit.Slot big = c.acquire((int) InFlightLimit.MAX_BYTES - 100);
        // WHEN a 1 KiB message arrives THEN it waits until the big one is taken
        CompletableFuture<InFlightLimit.Slot> next = CompletableFuture.supplyAsync(() -> c.acquire(1024));
        await().atMost(Duration.ofSeconds(5)).until(() -> limit.waits() == 1);
        big.release();
        next.get(5, TimeUnit.SECONDS).release();
        // AND a message larger than the budget passes when nothing else is in flight
        assertNotNull(c.acquire((int) InFlightLimit.MAX_BYTES + 1));
    }

    @Test
    @DisplayName("a connection that ends lets its waiting thread go without a slot and frees all its slots; late releases change nothing")
    void connectionEnd() throws Exception {
        // GIVEN a bound of 1 held by a connection, and its callback thread waiting for a second slot
        InFlightLimit limit = new InFlightLimit(1);
        AtomicBoolean alive = new AtomicBoolean(true);
        InFlightLimit.Connection old = limit.connection(alive::get);
        InFlightLimit.Slot held = old.acquire(10);
        CompletableFuture<InFlightLimit.Slot> waiting = CompletableFuture.supplyAsync(() -> old.acquire(10));
        await().atMost(Duration.ofSeconds(5)).until(() -> limit.waits() == 1);
        // WHEN the connection dies (Paho says it is no longer connected)
        alive.set(false);
        // THEN the waiting thread returns without a slot, and the slot is free for the next connection
        assertNull(waiting.get(5, TimeUnit.SECONDS));
        assertEquals(0, limit.used());
        InFlightLimit.Slot fresh = limit.connection(() -> true).acquire(10);
        assertNotNull(fresh);
        // AND the dead connection's late release does not free the new connection's slot
        held.release();
        assertEquals(1, limit.used());
    }
}
