package org.linli.gateway.startup;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data directory lock within one process; the cross-process cases run real processes in StartupFailureTest. */
class DataDirLockTest {

    @Test
    @DisplayName("the lock creates the data directory, holds this process's PID while held and is empty once released")
    void holdsPid(@TempDir Path dir) throws Exception {
        // GIVEN a data directory that does not exist yet
        Path data = dir.resolve("a").resolve("data");
        // WHEN it is locked
        try (DataDirLock lock = DataDirLock.acquire(data)) {
            // THEN the lock file holds our PID
            assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(data.resolve(DataDirLock.FILE_NAME)));
        }
        // AND once released the file is empty (no stale PID), and the directory can be locked again
        assertEquals("", Files.readString(data.resolve(DataDirLock.FILE_NAME)));
        DataDirLock.acquire(data).close();
    }

    @Test
    @DisplayName("a lock file left with another PID (a killed gateway) does not block: it is taken over")
    void staleFileTakenOver(@TempDir Path dir) throws Exception {
        // GIVEN the file a SIGKILLed gateway left: its PID, no OS lock
        Files.writeString(dir.resolve(DataDirLock.FILE_NAME), "999999999\n");
        // WHEN it is locked THEN our PID replaces the stale one
        try (DataDirLock lock = DataDirLock.acquire(dir)) {
            assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(dir.resolve(DataDirLock.FILE_NAME)));
        }
    }

    @Test
    @DisplayName("a second lock on the same directory in the same process is refused")
    void secondInProcessRefused(@TempDir Path dir) throws Exception {
        try (DataDirLock first = DataDirLock.acquire(dir)) {
            StartupException e = assertThrows(StartupException.class, () -> DataDirLock.acquire(dir.resolve(".")));
            assertTrue(e.getMessage().contains("already in use"), e.getMessage());
        }
    }

    @Test
    @DisplayName("a data directory that cannot be created is one line naming the directory")
    void unusableDirectory(@TempDir Path dir) throws Exception {
        // GIVEN a data directory path below a regular file
        Files.writeString(dir.resolve("file"), "x");
        Path data = dir.resolve("file").resolve("data");
        // WHEN it is locked THEN the failure names the directory, on one line
        StartupException e = assertThrows(StartupException.class, () -> DataDirLock.acquire(data));
        assertTrue(e.getMessage().startsWith("data directory " + data + " is not usable: "), e.getMessage());
        assertEquals(e.getMessage(), StartupException.reason(new RuntimeException(e)));
        assertTrue(!e.getMessage().contains("\n"));
    }
}
