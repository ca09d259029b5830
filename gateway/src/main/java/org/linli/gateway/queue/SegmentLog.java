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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One lane of the queue on disk: numbered segment files of bounded size, appended at the newest, read and
 * acknowledged from the oldest. Not thread-safe: only the queue's I/O thread calls it.
 * <p>
 * Recovery ({@link #open}) scans every segment to its last consistent record, truncates a torn tail of the newest
 * one, reads the acknowledged position, and counts what is still unacknowledged. Replay then starts there.
 */
final class SegmentLog {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentLog.class);

    final Lane lane;
    private final Path dir;
    private final long segmentBytes;
    private final AckFile ackFile;
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private Position acked;
    private long unacked;
    private long bytes;

    private SegmentLog(Lane lane, Path dir, long segmentBytes) {
        this.lane = lane;
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.ackFile = new AckFile(dir);
    }

    /** The lane's directory under the queue directory: part of the on-disk format (docs/QUEUE.md). */
    static String dirName(Lane lane) {
        return switch (lane) {
            case EVENTS -> "events";
            case TELEMETRY -> "telemetry";
        };
    }

    static SegmentLog open(Lane lane, Path dir, long segmentBytes) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(AckFile.NAME + ".tmp"));
        SegmentLog log = new SegmentLog(lane, dir, segmentBytes);
        log.recover();
        return log;
    }

    private void recover() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("\\d{20}\\.seg")).sorted().toList();
        }
        Position stored = ackFile.read().orElse(null);
        List<Segment.Scan> scans = new ArrayList<>();
        for (Path f : files) {
            scans.add(Segment.scan(f));
        }
        for (int i = 0; i < scans.size(); i++) {
            Segment.Scan scan = scans.get(i);
            Segment s = scan.segment();
            boolean newest = i == scans.size() - 1;
            if (stored != null && s.id < stored.segment()) {
                s.delete(); // fully acknowledged, deleting it was interrupted by a crash
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
            if (stored != null && s.id == stored.segment()) {
                s.acked = scan.recordEnds().stream().filter(end -> end <= stored.offset()).count();
            }
            segments.put(s.id, s);
        }
        if (segments.isEmpty()) {
            long id = stored == null ? 1 : stored.segment() + 1;
            Segment s = Segment.create(dir, id);
            s.sync();
            AckFile.syncDirectory(dir);
            segments.put(id, s);
        }
        acked = stored == null || !segments.containsKey(stored.segment())
                ? new Position(segments.firstKey(), RecordCodec.FILE_HEADER)
                : new Position(stored.segment(), Math.min(stored.offset(), segments.get(stored.segment()).size));
        recount();
        LOG.info("queue {}: recovered {} segment(s), {} unacknowledged point(s), {} bytes", dirName(lane), segments.size(),
                unacked, bytes);
    }

    private void recount() {
        unacked = 0;
        bytes = 0;
        for (Segment s : segments.values()) {
            unacked += s.records - s.acked;
            bytes += s.size;
        }
    }

    /** Writes the framed lines to the newest segment, starting a new one when it is full. Not yet durable. */
    void append(List<String> lines, long nowMillis) throws IOException {
        List<byte[]> payloads = new ArrayList<>(lines.size());
        for (String line : lines) {
            byte[] payload = RecordCodec.payload(line);
            if (payload.length > RecordCodec.MAX_PAYLOAD || payload.length == 0) {
                throw new IllegalArgumentException("a point of " + payload.length + " bytes cannot be queued");
            }
            payloads.add(payload);
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
            unacked += i - from;
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

    /** Up to {@code maxRecords} unacknowledged records from the acknowledged position, in order. */
    List<QueuedRecord> read(int maxRecords) throws IOException {
        List<QueuedRecord> out = new ArrayList<>();
        Map.Entry<Long, Segment> e = segments.ceilingEntry(acked.segment());
        long pos = e != null && e.getKey() == acked.segment() ? acked.offset() : RecordCodec.FILE_HEADER;
        RecordCodec.Decoded d = new RecordCodec.Decoded();
        while (e != null && out.size() < maxRecords) {
            Segment s = e.getValue();
            if (pos < s.size) {
                try (FileChannel ch = FileChannel.open(s.path, StandardOpenOption.READ)) {
                    RecordReader reader = new RecordReader(ch, s.size);
                    int n;
                    while (out.size() < maxRecords && (n = reader.next(pos, d)) > 0) {
                        pos += n;
                        out.add(new QueuedRecord(lane, s.id, pos, d.time, d.line()));
                    }
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

    /** Append time of the oldest unacknowledged record, or -1 when there is none. */
    long oldestUnackedMillis() throws IOException {
        List<QueuedRecord> head = unacked == 0 ? List.of() : read(1);
        return head.isEmpty() ? -1 : head.get(0).appendedMillis();
    }

    /**
     * Moves the acknowledged position to the end of the last of {@code records} (which must be the next ones in
     * order), makes it durable, and deletes the segments that are now wholly acknowledged.
     */
    void ack(List<QueuedRecord> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        Position end = records.get(records.size() - 1).end();
        if (!end.isAfter(acked)) {
            return;
        }
        for (QueuedRecord r : records) {
            Segment s = segments.get(r.segment());
            if (s != null && r.end().isAfter(acked)) {
                s.acked++;
                unacked--;
            }
        }
        acked = end;
        ackFile.write(acked);
        while (segments.size() > 1) {
            Segment oldest = segments.firstEntry().getValue();
            boolean done = oldest.id < acked.segment() || (oldest.id == acked.segment() && acked.offset() >= oldest.size);
            if (!done) {
                break;
            }
            remove(oldest);
        }
    }

    /**
     * Deletes the oldest sealed segment whose number is not in [{@code keepFrom}, {@code keepTo}] (the batch being
     * written). Returns the unacknowledged records it held, or -1 when no segment can be dropped.
     */
    long dropOldest(long keepFrom, long keepTo) throws IOException {
        for (Segment s : segments.values()) {
            if (s.writable()) {
                return -1;
            }
            if (s.id >= keepFrom && s.id <= keepTo) {
                continue;
            }
            long lost = s.records - s.acked;
            remove(s);
            if (!segments.containsKey(acked.segment())) {
                acked = new Position(segments.ceilingKey(acked.segment()), RecordCodec.FILE_HEADER);
            }
            return lost;
        }
        return -1;
    }

    private void remove(Segment s) throws IOException {
        segments.remove(s.id);
        unacked -= s.records - s.acked;
        bytes -= s.size;
        s.delete();
    }

    boolean activeHasRecords() {
        return segments.lastEntry().getValue().records > 0;
    }

    long activeSegment() {
        return segments.lastKey();
    }

    long unacked() {
        return unacked;
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
