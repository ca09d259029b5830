package org.linli.gateway.queue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.timeseries.Lane;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The segment file format and its recovery: torn tails, bad CRCs, the acknowledged-position file. */
class SegmentLogTest {
    private static final long BIG = 1 << 20;

    private static List<String> lines(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "water_meter,device=w" + i + " total_m3=" + i + " " + (1000L + i)).toList();
    }

    private static SegmentLog write(Path dir, List<String> lines, long segmentBytes) throws IOException {
        SegmentLog log = SegmentLog.open(Lane.TELEMETRY, dir, segmentBytes);
        log.append(lines, 42);
        log.sync();
        return log;
    }

    private static List<String> readAll(SegmentLog log) throws IOException {
        return log.read(Integer.MAX_VALUE).stream().map(QueuedRecord::line).toList();
    }

    private static List<Path> segments(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }

    @Test
    @DisplayName("a segment cut at every byte offset of its last record recovers the records before it, and appends resume")
    void tornTailAtEveryOffset(@TempDir Path tmp) throws IOException {
        // GIVEN a segment of five records, and where the last one starts
        Path original = tmp.resolve("original");
        write(original, lines(0, 4), BIG).close();
        long lastStart = Files.size(segments(original).get(0));
        write(original, lines(4, 5), BIG).close();
        byte[] whole = Files.readAllBytes(segments(original).get(0));
        assertTrue(whole.length > lastStart + RecordCodec.RECORD_HEADER);

        for (int cut = (int) lastStart; cut < whole.length; cut++) {
            // WHEN the file ends at `cut` (a crash while the last record was being written) and the lane is reopened
            Path dir = tmp.resolve("cut" + cut);
            Files.createDirectories(dir);
            Path seg = dir.resolve(Segment.fileName(1));
            Files.write(seg, java.util.Arrays.copyOf(whole, cut));
            SegmentLog log = SegmentLog.open(Lane.TELEMETRY, dir, BIG);

            // THEN the four whole records are there, the torn tail is cut off, and a new append lands after them
            assertEquals(4, log.unacked(), "records after a cut at " + cut);
            assertEquals(lines(0, 4), readAll(log));
            assertEquals(lastStart, Files.size(seg), "file truncated to its consistent part at cut " + cut);
            log.append(lines(9, 10), 43);
            log.sync();
            log.close();
            SegmentLog reopened = SegmentLog.open(Lane.TELEMETRY, dir, BIG);
            assertEquals(List.of(lines(0, 4), lines(9, 10)).stream().flatMap(List::stream).toList(), readAll(reopened));
            reopened.close();
        }
    }

    @Test
    @DisplayName("a record whose CRC does not match ends the consistent part of the newest segment")
    void badCrcInNewestSegment(@TempDir Path dir) throws IOException {
        // GIVEN five records, and a flipped bit in the payload of the third
        write(dir, lines(0, 2), BIG).close();
        long third = Files.size(segments(dir).get(0));
        write(dir, lines(2, 5), BIG).close();
        Path seg = segments(dir).get(0);
        byte[] bytes = Files.readAllBytes(seg);
        bytes[(int) third + RecordCodec.RECORD_HEADER + 3] ^= 0x10;
        Files.write(seg, bytes);

        // WHEN the lane is reopened
        SegmentLog log = SegmentLog.open(Lane.TELEMETRY, dir, BIG);

        // THEN only the records before the damaged one are replayed, and the file is cut there
        assertEquals(lines(0, 2), readAll(log));
        assertEquals(third, Files.size(seg));
        log.close();
    }

    @Test
    @DisplayName("damage in an older, sealed segment loses only that segment's tail: later segments are still replayed")
    void badCrcInSealedSegment(@TempDir Path dir) throws IOException {
        // GIVEN records spread over several small segments
        SegmentLog log = write(dir, lines(0, 60), 1024);
        log.close();
        List<Path> segs = segments(dir);
        assertTrue(segs.size() >= 3, "several segments: " + segs);
        long inFirst = Segment.scan(segs.get(0)).recordEnds().size();
        byte[] first = Files.readAllBytes(segs.get(0));
        first[first.length - 2] ^= 0x01; // the last record of the first segment

        Files.write(segs.get(0), first);

        // WHEN reopened
        SegmentLog reopened = SegmentLog.open(Lane.TELEMETRY, dir, 1024);

        // THEN one record is lost, in order, and everything after it is kept
        List<String> expected = new java.util.ArrayList<>(lines(0, 60));
        expected.remove((int) inFirst - 1);
        assertEquals(expected, readAll(reopened));
        reopened.close();
    }

    @Test
    @DisplayName("acknowledged records are not replayed after reopening, and wholly acknowledged segments are deleted")
    void ackSurvivesReopen(@TempDir Path dir) throws IOException {
        // GIVEN 60 records over several segments, of which the first 35 are acknowledged
        SegmentLog log = write(dir, lines(0, 60), 1024);
        int before = segments(dir).size();
        List<QueuedRecord> head = log.read(35);
        log.ack(head);
        assertEquals(25, log.unacked());
        assertTrue(segments(dir).size() < before, "segments before the acknowledged position are deleted");
        log.close();

        // WHEN reopened
        SegmentLog reopened = SegmentLog.open(Lane.TELEMETRY, dir, 1024);

        // THEN replay starts right after the acknowledged record
        assertEquals(lines(35, 60), readAll(reopened));
        assertEquals(25, reopened.unacked());
        reopened.close();
    }

    @Test
    @DisplayName("the ack file is replaced atomically: a crash mid-write leaves the old position; a damaged file replays from the start")
    void ackFileAtomicity(@TempDir Path dir) throws IOException {
        // GIVEN a stored position
        AckFile ack = new AckFile(dir);
        ack.write(new Position(7, 1234));
        byte[] stored = Files.readAllBytes(dir.resolve("ack"));

        // WHEN a later write died after writing part of its temporary file (the rename never happened)
        Files.write(dir.resolve("ack.tmp"), new byte[]{1, 2, 3});

        // THEN the old position is read, byte for byte unchanged
        assertEquals(new Position(7, 1234), ack.read().orElseThrow());
        assertArrayEquals(stored, Files.readAllBytes(dir.resolve("ack")));

        // AND a new write replaces it completely
        ack.write(new Position(8, 16));
        assertEquals(new Position(8, 16), ack.read().orElseThrow());
        assertFalse(Files.exists(dir.resolve("ack.tmp")));

        // AND a damaged file (bad CRC) is not trusted: no position, so replay starts at the oldest segment
        byte[] bytes = Files.readAllBytes(dir.resolve("ack"));
        bytes[3] ^= 1;
        Files.write(dir.resolve("ack"), bytes);
        assertTrue(ack.read().isEmpty());
    }

    @Test
    @DisplayName("a lane with a damaged ack file replays everything (duplicates are harmless, losses are not)")
    void damagedAckReplaysAll(@TempDir Path dir) throws IOException {
        SegmentLog log = write(dir, lines(0, 10), BIG);
        log.ack(log.read(4));
        log.close();
        Files.write(dir.resolve("ack"), ByteBuffer.allocate(20).putLong(1).array());

        SegmentLog reopened = SegmentLog.open(Lane.TELEMETRY, dir, BIG);

        assertEquals(lines(0, 10), readAll(reopened));
        reopened.close();
    }

    @Test
    @DisplayName("the oldest unread record's append time follows appends, acks, a reopen and a dropped segment")
    void oldestUnreadAppendTime(@TempDir Path dir) throws IOException {
        // GIVEN an empty lane: nothing unread
        SegmentLog log = SegmentLog.open(Lane.TELEMETRY, dir, 1024);
        assertEquals(-1, log.oldestUnackedMillis());
        // WHEN records are appended at 100, then at 200: the oldest stays the first
        log.append(lines(0, 5), 100);
        log.append(lines(5, 10), 200);
        log.sync();
        assertEquals(100, log.oldestUnackedMillis());
        // WHEN the first five are acknowledged: the next unread was appended at 200
        log.ack(log.read(5));
        assertEquals(200, log.oldestUnackedMillis());
        // WHEN everything is acknowledged, and then more is appended at 300
        log.ack(log.read(5));
        assertEquals(-1, log.oldestUnackedMillis());
        log.append(lines(10, 12), 300);
        log.sync();
        assertEquals(300, log.oldestUnackedMillis());
        log.close();
        // THEN a reopened lane reads it from its segment
        SegmentLog reopened = SegmentLog.open(Lane.TELEMETRY, dir, 1024);
        assertEquals(300, reopened.oldestUnackedMillis());
        // AND when over-quota segments are dropped, the oldest is that of the first record left
        reopened.append(lines(12, 40), 400);                  // fills the open segment and more
        reopened.roll();
        reopened.append(lines(40, 42), 500);
        reopened.sync();
        while (reopened.oldestUnackedMillis() != 500) {
            long before = reopened.oldestUnackedMillis();
            assertTrue(reopened.dropOldest(id -> false) != null, "a sealed segment to drop while the oldest is " + before);
            long after = reopened.oldestUnackedMillis();
            assertTrue(after == before || after == 400 || after == 500, before + " then " + after);
            assertEquals(readAllAppendTimes(reopened).get(0), after, "the oldest is the first unread record's time");
        }
        reopened.close();
    }

    private static List<Long> readAllAppendTimes(SegmentLog log) throws IOException {
        return log.read(Integer.MAX_VALUE).stream().map(QueuedRecord::appendedMillis).toList();
    }

    @Test
    @DisplayName("batch reads across many read windows, with a record larger than the window among them, return every line in order")
    void readsAcrossWindows(@TempDir Path dir) throws IOException {
        // GIVEN 3,000 records of ~200 bytes (several 256 KiB windows) with one 300 KiB record in the middle
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            lines.add("water_meter,device=w" + i + ",place=" + "楼".repeat(50) + " total_m3=" + i + " " + (1000L + i));
        }
        lines.set(1500, "big,device=b v=\"" + "x".repeat(300 * 1024) + "\" 1");
        SegmentLog log = write(dir, lines, 64L << 20);
        // WHEN they are read and acknowledged in batches of 700 (the reader reuses its window throughout)
        List<String> got = new java.util.ArrayList<>();
        for (List<QueuedRecord> batch; !(batch = log.read(700)).isEmpty(); ) {
            batch.forEach(r -> got.add(r.line()));
            log.ack(batch);
        }
        // THEN every line came back whole and in order
        assertEquals(lines, got);
        log.close();
    }
}
