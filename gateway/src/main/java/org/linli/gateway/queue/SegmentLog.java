package org.linli.gateway.queue;

import org.linli.gateway.timeseries.Lane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

/**
 * One lane of the queue on disk: numbered segment files of bounded size, appended at the newest, read and
 * acknowledged from the oldest. Not thread-safe: only the queue's I/O thread calls it.
 * <p>
 * Recovery ({@link #open}) scans every segment to its last consistent record, truncates a torn tail of the newest
 * one, reads each reader's acknowledged position, and counts what each has still to read. Replay starts there. A
 * segment is deleted only when every reader (time-series target) has passed it.
 */
final class SegmentLog {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentLog.class);
    /** The cursor of a log read by one reader (the uplink's outbox, a queue before targets): file {@code ack}. */
    static final String SINGLE = "";

    final Lane lane;
    private final Path dir;
    private final long segmentBytes;
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private final Map<String, Cursor> cursors = new LinkedHashMap<>();
    private long bytes;
    /** The read window every batch read reuses (one thread reads), rather than 256 KiB of garbage per batch. */
    private ByteBuffer readWindow = RecordReader.newWindow();

    private SegmentLog(Lane lane, Path dir, long segmentBytes) {
        this.lane = lane;
        this.dir = dir;
        this.segmentBytes = segmentBytes;
    }

    /** The lane's directory under the queue directory: part of the on-disk format (docs/QUEUE.md). */
    static String dirName(Lane lane) {
        return switch (lane) {
            case EVENTS -> "events";
            case TELEMETRY -> "telemetry";
        };
    }

    /** Opens a log read by one reader, its position in the file {@code ack}. */
    static SegmentLog open(Lane lane, Path dir, long segmentBytes) throws IOException {
        return open(lane, dir, segmentBytes, List.of(SINGLE));
    }

    /**
     * Opens a log read by the named readers (targets), each with its position in {@code ack.<name>}. A reader without
     * its file takes the position of a legacy {@code ack} file (a queue from before targets), else starts at the
     * oldest record; once every reader's file is written the legacy file is deleted.
     */
    static SegmentLog open(Lane lane, Path dir, long segmentBytes, List<String> readers) throws IOException {
        Files.createDirectories(dir);
        SegmentLog log = new SegmentLog(lane, dir, segmentBytes);
        for (String r : readers) {
            String file = r.equals(SINGLE) ? AckFile.NAME : AckFile.nameFor(r);
            Files.deleteIfExists(dir.resolve(file + ".tmp"));
            log.cursors.put(r, new Cursor(r, new AckFile(dir, file)));
        }
        log.recover();
        return log;
    }

    private void recover() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("\\d{20}\\.seg")).sorted().toList();
        }
        AckFile legacy = new AckFile(dir);
        boolean single = cursors.containsKey(SINGLE);
        Position legacyPosition = single ? null : legacy.read().orElse(null);
        Map<String, Position> stored = new LinkedHashMap<>();
        Position oldestStored = null;
        Position newestStored = null;
        boolean everyoneStored = true;
        for (Cursor c : cursors.values()) {
            Position p = c.file.read().orElse(c.file.exists() ? null : legacyPosition);
            stored.put(c.name, p);
            everyoneStored &= p != null;
            oldestStored = p == null ? oldestStored : oldestStored == null || p.compareTo(oldestStored) < 0 ? p : oldestStored;
            newestStored = p == null ? newestStored : newestStored == null || p.isAfter(newestStored) ? p : newestStored;
        }
        Position keepFrom = everyoneStored ? oldestStored : null;
        Map<Long, List<Long>> recordEnds = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            Segment.Scan scan = Segment.scan(files.get(i));
            Segment s = scan.segment();
            boolean newest = i == files.size() - 1;
            if (keepFrom != null && s.id < keepFrom.segment()) {
                s.delete(); // every reader passed it; deleting it was interrupted by a crash
                continue;
            }
            if (scan.torn()) {
                LOG.warn("queue {}: segment {} ends in an incomplete or corrupt record at byte {} of {}; truncating there{}",
                        dirName(lane), s.path.getFileName(), s.size, scan.fileSize(),
                        newest ? "" : " (not the newest segment: the records after it are lost)");
            }
            if (newest) {
                s.truncateAndOpen();
            } else if (scan.torn()) {
                s.truncateSealed();
            }
            recordEnds.put(s.id, scan.recordEnds());
            segments.put(s.id, s);
        }
        if (segments.isEmpty()) {
            // past every stored position: none may point into the new segment at a stale offset
            long id = newestStored == null ? 1 : newestStored.segment() + 1;
            Segment s = Segment.create(dir, id);
            s.sync();
            AckFile.syncDirectory(dir);
            segments.put(id, s);
        }
        for (Cursor c : cursors.values()) {
            Position p = stored.get(c.name);
            if (p == null || !segments.containsKey(p.segment())) {
                c.acked = new Position(segments.firstKey(), RecordCodec.FILE_HEADER);
            } else {
                c.acked = new Position(p.segment(), Math.min(p.offset(), segments.get(p.segment()).size));
                c.ackedInSegment = recordEnds.getOrDefault(p.segment(), List.of()).stream()
                        .filter(end -> end <= p.offset()).count();
            }
            if (!single && !c.file.exists()) {
                c.file.write(c.acked); // the reader's own file first, then the legacy one may go
            }
        }
        if (!single && legacyPosition != null) {
            legacy.delete();
        }
        recount();
        LOG.info("queue {}: recovered {} segment(s), {} bytes; unacknowledged point(s) per reader: {}", dirName(lane),
                segments.size(), bytes, unackedByReader());
    }

    private void recount() {
        bytes = 0;
        for (Segment s : segments.values()) {
            bytes += s.size;
        }
        for (Cursor c : cursors.values()) {
            c.unacked = 0;
            for (Segment s : segments.values()) {
                c.unacked += c.unackedIn(s);
            }
        }
    }

    private Map<String, Long> unackedByReader() {
        Map<String, Long> out = new LinkedHashMap<>();
        cursors.values().forEach(c -> out.put(c.name.equals(SINGLE) ? "-" : c.name, c.unacked));
        return out;
    }

    /** {@link #appendUtf8} of the lines' UTF-8 (the outbox's records, tests). */
    void append(List<String> lines, long nowMillis) throws IOException {
        List<byte[]> payloads = new ArrayList<>(lines.size());
        for (String line : lines) {
            payloads.add(RecordCodec.payload(line));
        }
        appendUtf8(payloads, nowMillis);
    }

    /**
     * Writes the framed records (each line's UTF-8, not written to afterwards) to the newest segment, starting a new
     * one when it is full. Not yet durable. A record that is empty or over the size limit refuses the whole call,
     * before anything is written.
     */
    void appendUtf8(List<byte[]> payloads, long nowMillis) throws IOException {
        for (byte[] payload : payloads) {
            if (payload.length > RecordCodec.MAX_PAYLOAD || payload.length == 0) {
                throw new IllegalArgumentException("a point of " + payload.length + " bytes cannot be queued");
            }
        }
        int i = 0;
        while (i < payloads.size()) {
            Segment active = segments.lastEntry().getValue();
            if (active.size >= segmentBytes && active.records > 0) {
                roll();
                continue;
            }
            long room = segmentBytes - active.size;
            int from = i;
            long size = 0;
            while (i < payloads.size()) {
                int need = RecordCodec.RECORD_HEADER + payloads.get(i).length;
                if (i > from && size + need > room) {
                    break; // the first record always goes in, so one larger than a segment still fits somewhere
                }
                size += need;
                i++;
            }
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            for (int k = from; k < i; k++) {
                RecordCodec.encode(buf, nowMillis, payloads.get(k));
            }
            buf.flip();
            long before = active.size;
            active.append(buf, i - from);
            bytes += active.size - before;
            for (Cursor c : cursors.values()) {
                if (c.unacked == 0) {
                    c.oldestMillis = nowMillis;               // these records are now its oldest unread ones
                }
                c.unacked += i - from;
            }
        }
    }

    /** Seals the newest segment (fsynced) and starts the next one. */
    void roll() throws IOException {
        Segment active = segments.lastEntry().getValue();
        active.seal();
        Segment next = Segment.create(dir, active.id + 1);
        segments.put(next.id, next);
        bytes += next.size;
        AckFile.syncDirectory(dir);
    }

    /** Makes everything appended so far durable. */
    void sync() throws IOException {
        segments.lastEntry().getValue().sync();
    }

    /** The only reader's cursor of a log opened for one reader. */
    private Cursor only() {
        return cursors.values().iterator().next();
    }

    private Cursor cursor(String reader) {
        Cursor c = cursors.get(reader);
        if (c == null) {
            throw new IllegalArgumentException("queue " + dirName(lane) + ": no reader " + reader);
        }
        return c;
    }

    /** Up to {@code maxRecords} records after the only reader's position, in order. */
    List<QueuedRecord> read(int maxRecords) throws IOException {
        return read(only(), maxRecords);
    }

    /** Up to {@code maxRecords} records after {@code reader}'s position, in order. */
    List<QueuedRecord> read(String reader, int maxRecords) throws IOException {
        return read(cursor(reader), maxRecords);
    }

    private List<QueuedRecord> read(Cursor c, int maxRecords) throws IOException {
        Position acked = c.acked;
        List<QueuedRecord> out = new ArrayList<>();
        Map.Entry<Long, Segment> e = segments.ceilingEntry(acked.segment());
        long pos = e != null && e.getKey() == acked.segment() ? acked.offset() : RecordCodec.FILE_HEADER;
        RecordCodec.Decoded d = new RecordCodec.Decoded();
        while (e != null && out.size() < maxRecords) {
            Segment s = e.getValue();
            if (pos < s.size) {
                try (FileChannel ch = FileChannel.open(s.path, StandardOpenOption.READ)) {
                    RecordReader reader = new RecordReader(ch, s.size, readWindow);
                    int n;
                    while (out.size() < maxRecords && (n = reader.next(pos, d)) > 0) {
                        pos += n;
                        out.add(new QueuedRecord(lane, s.id, pos, d.time, d.utf8()));
                    }
                    readWindow = reader.window();
                }
                if (pos < s.size && out.size() < maxRecords) {
                    throw new IOException("queue " + dirName(lane) + ": unreadable record in " + s.path + " at " + pos);
                }
            }
            e = segments.higherEntry(s.id);
            pos = RecordCodec.FILE_HEADER;
        }
        return out;
    }

    /** Append time of the oldest record the only reader has not passed, or -1 when there is none. */
    long oldestUnackedMillis() throws IOException {
        return oldestUnackedMillis(only());
    }

    /** Append time of the oldest record {@code reader} has not passed, or -1 when there is none. */
    long oldestUnackedMillis(String reader) throws IOException {
        return oldestUnackedMillis(cursor(reader));
    }

    private long oldestUnackedMillis(Cursor c) throws IOException {
        if (c.unacked == 0) {
            return -1;
        }
        if (c.oldestMillis == Cursor.UNKNOWN) {               // read once after each ack, not after every commit
            List<QueuedRecord> head = read(c, 1);
            if (head.isEmpty()) {
                return -1;
            }
            c.oldestMillis = head.get(0).appendedMillis();
        }
        return c.oldestMillis;
    }

    /** {@link #ack(String, List)} for the only reader. */
    void ack(List<QueuedRecord> records) throws IOException {
        ack(only(), records);
    }

    /**
     * Moves {@code reader}'s position to the end of the last of {@code records} (which must be its next ones in order),
     * makes it durable, and deletes the segments every reader has now passed.
     */
    void ack(String reader, List<QueuedRecord> records) throws IOException {
        ack(cursor(reader), records);
    }

    private void ack(Cursor c, List<QueuedRecord> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        Position end = records.get(records.size() - 1).end();
        if (!end.isAfter(c.acked)) {
            return;
        }
        long inEndSegment = c.acked.segment() == end.segment() ? c.ackedInSegment : 0;
        for (QueuedRecord r : records) {
            if (segments.containsKey(r.segment()) && r.end().isAfter(c.acked)) {
                c.unacked--;
                if (r.segment() == end.segment()) {
                    inEndSegment++;
                }
            }
        }
        c.acked = end;
        c.ackedInSegment = inEndSegment;
        c.oldestMillis = Cursor.UNKNOWN;
        c.file.write(end);
        while (segments.size() > 1) {
            Segment oldest = segments.firstEntry().getValue();
            if (!cursors.values().stream().allMatch(k -> k.passed(oldest))) {
                break;
            }
            remove(oldest);
        }
    }

    /**
     * Deletes the oldest sealed segment that {@code keep} does not protect (a batch being written). Returns, per
     * reader that had not passed them, the records it held; {@code null} when no segment can be dropped.
     */
    Map<String, Long> dropOldest(LongPredicate keep) throws IOException {
        for (Segment s : segments.values()) {
            if (s.writable()) {
                return null;
            }
            if (keep.test(s.id)) {
                continue;
            }
            Map<String, Long> lost = new LinkedHashMap<>();
            for (Cursor c : cursors.values()) {
                long n = c.unackedIn(s);
                if (n > 0) {
                    lost.put(c.name, n);
                    c.oldestMillis = Cursor.UNKNOWN;
                }
                c.unacked -= n;
            }
            remove(s);
            for (Cursor c : cursors.values()) {
                if (!segments.containsKey(c.acked.segment())) {
                    Long next = segments.ceilingKey(c.acked.segment());
                    c.acked = new Position(next == null ? segments.lastKey() : next, RecordCodec.FILE_HEADER);
                    c.ackedInSegment = 0;
                }
            }
            return lost;
        }
        return null;
    }

    private void remove(Segment s) throws IOException {
        segments.remove(s.id);
        bytes -= s.size;
        s.delete();
    }

    /** The reader with the oldest position (it keeps the oldest segment on disk), or null with one reader or none behind. */
    String slowestReader() {
        Cursor slowest = null;
        for (Cursor c : cursors.values()) {
            if (c.unacked > 0 && (slowest == null || c.acked.compareTo(slowest.acked) < 0)) {
                slowest = c;
            }
        }
        return slowest == null ? null : slowest.name;
    }

    boolean activeHasRecords() {
        return segments.lastEntry().getValue().records > 0;
    }

    long activeSegment() {
        return segments.lastKey();
    }

    /** Records the only reader has not passed. */
    long unacked() {
        return only().unacked;
    }

    /** Records {@code reader} has not passed. */
    long unacked(String reader) {
        return cursor(reader).unacked;
    }

    long bytes() {
        return bytes;
    }

    int segmentCount() {
        return segments.size();
    }

    void close() throws IOException {
        for (Segment s : segments.values()) {
            s.seal();
        }
    }
}
