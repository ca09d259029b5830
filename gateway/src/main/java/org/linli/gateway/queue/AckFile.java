package org.linli.gateway.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The durable "acknowledged up to here" position of one reader (a target) in a lane, in its own 20-byte file: segment (int64), offset (int64),
 * CRC-32 of those 16 bytes. Written atomically: a temporary file is written and fsynced, renamed over the old one
 * (an atomic rename on POSIX file systems), and the directory is fsynced so the rename itself survives power loss.
 * A reader therefore sees the old position or the new one, never a mixture.
 */
final class AckFile {
    static final String NAME = "ack";
    private static final int SIZE = 20;

    private final Path file;
    private final Path tmp;
    private final Path dir;

    AckFile(Path dir) {
        this(dir, NAME);
    }

    /** The position file {@code name} in {@code dir}: {@code ack} for a log read by one reader, {@code ack.<target>} per target. */
    AckFile(Path dir, String name) {
        this.dir = dir;
        this.file = dir.resolve(name);
        this.tmp = dir.resolve(name + ".tmp");
    }

    /** The position file of one target of the disk queue (docs/QUEUE.md, several targets). */
    static String nameFor(String target) {
        return NAME + "." + target;
    }

    boolean exists() {
        return Files.exists(file);
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
        syncDirectory(dir);
    }

    /** The stored position; empty when there is none or it is unreadable (then replay starts at the oldest segment). */
    Optional<Position> read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (bytes.length != SIZE) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long segment = b.getLong();
        long offset = b.getLong();
        int crc = b.getInt();
        return crc == crc(bytes) ? Optional.of(new Position(segment, offset)) : Optional.empty();
    }

    void write(Position p) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(SIZE).putLong(p.segment()).putLong(p.offset());
        b.putInt(crc(b.array()));
        b.flip();
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(dir);
    }

    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static int crc(byte[] first16) {
        CRC32 c = new CRC32();
        c.update(first16, 0, 16);
        return (int) c.getValue();
    }
}
