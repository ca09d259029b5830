package org.linli.gateway.uplink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox on disk alone (no broker): its quota, and what a reopened outbox hands out. */
class UplinkOutboxTest {
    @TempDir
    Path dir;

    @Test
    void aFullOutboxRefusesNewVersionsAndCountsThemKeepingTheOldOnes() throws Exception {
        // GIVEN an outbox with a quota of a few hundred bytes
        UplinkOutbox outbox = UplinkOutbox.open(dir, 300, Clock.systemUTC());
        // WHEN ten versions of about 100 bytes each are appended
        String record = "{\"id\":\"A1\",\"version\":%d,\"pad\":\"" + "x".repeat(60) + "\"}";
        for (int v = 1; v <= 10; v++) {
            outbox.append(String.format(record, v));
        }
        // THEN the first ones are kept, in order, and the others are refused and counted
        long kept = outbox.depth();
        assertEquals(10, kept + outbox.refusedFull());
        assertEquals(String.format(record, 1), outbox.head(0).line());
        outbox.close();
        assertTrue(kept >= 1 && kept < 10, "kept " + kept);
    }

    @Test
    void aReopenedOutboxStartsAfterTheLastCommittedRecord() throws Exception {
        // GIVEN three records of which the first is committed (the broker acknowledged it)
        UplinkOutbox outbox = UplinkOutbox.open(dir, 1 << 20, Clock.systemUTC());
        outbox.append("{\"id\":\"A1\",\"version\":1}");
        outbox.append("{\"id\":\"A1\",\"version\":2}");
        outbox.append("{\"id\":\"A1\",\"version\":3}");
        outbox.commit(outbox.head(0));
        outbox.close();
        // WHEN the outbox is opened again (a restart)
        UplinkOutbox again = UplinkOutbox.open(dir, 1 << 20, Clock.systemUTC());
        // THEN the next record is version 2, and two are waiting
        assertEquals(2, again.depth());
        assertEquals("{\"id\":\"A1\",\"version\":2}", again.head(0).line());
        again.commit(again.head(0));
        again.commit(again.head(0));
        assertEquals(0, again.depth());
        assertNull(again.head(0));
        again.close();
    }
}
