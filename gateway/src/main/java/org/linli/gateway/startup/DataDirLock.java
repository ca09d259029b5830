package org.linli.gateway.startup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One gateway per data directory: an OS lock on {@code <dataDir>/linli.lock}, which holds the owner's PID. A second
 * instance would share the queue and the alert database and fight the first for the MQTT session, so it is refused
 * with the first one's PID. The OS drops the lock when the process ends, however it ends, so the file a killed
 * gateway leaves behind blocks nothing: the PID in it is only informational.
 * <p>Taken on the main thread before anything else starts; released by {@link #close()} or by the process exiting.
 */
public final class DataDirLock implements AutoCloseable {
    public static final String FILE_NAME = "linli.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates the directory if needed, locks it and writes this process's PID; fails naming the holder if taken. */
    public static DataDirLock acquire(Path dataDir) throws StartupException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StartupException("data directory " + dir + " is not usable: " + ioReason(e), e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = readPid(channel);
                channel.close();
                throw new StartupException("data directory " + dir + " is in use by another gateway (PID "
                        + (holder.isEmpty() ? "unknown" : holder) + ", lock file " + file + ")");
            }
            ByteBuffer pid = ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));
            channel.truncate(0);
            channel.write(pid, 0);
            channel.force(false);
            return new DataDirLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new StartupException("data directory " + dir + " is already in use by this process", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StartupException("data directory " + dir + " cannot be locked: " + ioReason(e), e);
        }
    }

    /** The PID the holder wrote, or "" if it has not written it yet (or the file is not ours). */
    private static String readPid(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        return text.matches("\\d{1,19}") ? text : "";
    }

    private static String ioReason(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied on " + a.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + " (" + f.getFile() + ")";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock attempt already failed; that failure is what gets reported
        }
    }

    /** Empties the PID (so no stale one is shown) and releases the lock. The file stays: deleting it would race. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException ignored) {
            // the process is stopping; the OS drops the lock with it
        } finally {
            closeQuietly(channel);
        }
    }
}
