package org.linli.gateway.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One segment file of a lane and what is known about it: its consistent size, and how many records it holds (what each
 * reader has acknowledged is kept by {@link SegmentLog}). Only the active (newest) segment is open for writing.
 */
final class Segment {
    final long id;
    final Path path;
    long size;
    long records;
    private FileChannel writer;

    private Segment(long id, Path path) {
        this.id = id;
        this.path = path;
    }

    static String fileName(long id) {
        return String.format("%020d.seg", id);
    }

    static long idOf(Path file) {
        String n = file.getFileName().toString();
        return Long.parseLong(n.substring(0, n.length() - ".seg".length()));
    }

    static Segment create(Path dir, long id) throws IOException {
        Segment s = new Segment(id, dir.resolve(fileName(id)));
        s.writer = FileChannel.open(s.path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            ByteBuffer header = RecordCodec.fileHeader();
            while (header.hasRemaining()) {
                s.writer.write(header);
            }
        } catch (IOException e) {
            // a full disk: leave no headless file behind, or the next try (CREATE_NEW) would fail for ever
            s.writer.close();
            Files.deleteIfExists(s.path);
            throw e;
        }
        s.size = RecordCodec.FILE_HEADER;
        return s;
    }

    /** What a recovery scan found in an existing segment file. */
    record Scan(Segment segment, long fileSize, List<Long> recordEnds) {
        boolean torn() {
            return fileSize != segment.size;
        }
    }

    /**
     * Reads the file from the start and stops at the first record that is incomplete or fails its CRC: everything
     * before it is the consistent part. Does not change the file.
     */
    static Scan scan(Path file) throws IOException {
        Segment s = new Segment(idOf(file), file);
        List<Long> ends = new ArrayList<>();
        long fileSize;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            fileSize = ch.size();
            ByteBuffer header = ByteBuffer.allocate(RecordCodec.FILE_HEADER);
            readFully(ch, header, 0);
            header.flip();
            if (!RecordCodec.validFileHeader(header)) {
                s.size = 0; // not even a header: nothing in it can be trusted
                return new Scan(s, fileSize, ends);
            }
            long pos = RecordCodec.FILE_HEADER;
            RecordReader reader = new RecordReader(ch, fileSize);
            RecordCodec.Decoded d = new RecordCodec.Decoded();
            int n;
            while ((n = reader.next(pos, d)) > 0) {
                pos += n;
                ends.add(pos);
            }
            s.size = pos;
        }
        s.records = ends.size();
        return new Scan(s, fileSize, ends);
    }

    /** Cuts a torn or corrupt tail off and reopens the segment for appending (the newest segment after recovery). */
    void truncateAndOpen() throws IOException {
        writer = FileChannel.open(path, StandardOpenOption.WRITE);
        if (size < RecordCodec.FILE_HEADER) {
            writer.truncate(0);
            ByteBuffer header = RecordCodec.fileHeader();
            writer.write(header, 0);
            size = RecordCodec.FILE_HEADER;
        } else {
            writer.truncate(size);
        }
        writer.force(true);
        writer.position(size);
    }

    void truncateSealed() throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            ch.truncate(Math.max(size, 0));
            ch.force(true);
        }
    }

    boolean writable() {
        return writer != null;
    }

    void append(ByteBuffer records, int count) throws IOException {
        long before = size;
        try {
            while (records.hasRemaining()) {
                size += writer.write(records);
            }
        } catch (IOException e) {
            // a full disk mid-write: put the file back to its last whole record so the tail stays consistent
            size = before;
            writer.truncate(before);
            writer.position(before);
            throw e;
        }
        this.records += count;
    }

    void sync() throws IOException {
        writer.force(false);
    }

    void seal() throws IOException {
        if (writer != null) {
            writer.force(false);
            writer.close();
            writer = null;
        }
    }

    void delete() throws IOException {
        seal();
        Files.deleteIfExists(path);
    }

    static void readFully(FileChannel ch, ByteBuffer into, long at) throws IOException {
        long pos = at;
        while (into.hasRemaining()) {
            int n = ch.read(into, pos);
            if (n < 0) {
                return;
            }
            pos += n;
        }
    }
}
