package org.linli.sim.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Peer#pause()} and {@link Peer#resume()} on a real process, and {@code --warm}'s place on the command line. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PeerPauseTest {
    private Process busy;

    @AfterEach
    void end() {
        if (busy != null) {
            busy.destroyForcibly();
        }
    }

    @Test
    @DisplayName("pause stops the peer's process where it stands (state T) and resume lets it run on")
    void pausesAndResumesTheProcess() throws Exception {
        // GIVEN a process that is always running
        busy = new ProcessBuilder("/bin/sh", "-c", "while :; do :; done").start();
        Peer peer = peerOf(busy.pid());

        // WHEN it is paused THEN the kernel shows it stopped, and its CPU time no longer moves
        peer.pause();
        assertEquals('T', awaitState(busy.pid(), 'T'));
        double cpu = ProcessSampler.cpuSeconds(busy.pid());
        Thread.sleep(300);
        assertEquals(cpu, ProcessSampler.cpuSeconds(busy.pid()), "a stopped process uses no CPU");

        // WHEN it is resumed THEN it runs again
        peer.resume();
        assertNotEquals('T', awaitState(busy.pid(), 'R'));
        assertTrue(busy.isAlive());
    }

    @Test
    @DisplayName("pausing a process that is gone says so instead of timing a drain that never paused")
    void pausingAGoneProcessFails() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        IOException e = assertThrows(IOException.class, () -> peerOf(gone.pid()).pause());
        assertTrue(e.getMessage().contains("kill -STOP " + gone.pid()), e.getMessage());
    }

    @Test
    @DisplayName("--warm goes with the backlog: alone it implies it, beside --live alone it is refused")
    void warmNeedsTheBacklog() {
        BenchOptions alone = BenchOptions.parse("--warm");
        assertTrue(alone.backlog() && alone.warm());
        assertTrue(!BenchOptions.parse("--backlog").warm());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--live", "--warm"));
        assertTrue(e.getMessage().contains("--warm"), e.getMessage());
    }

    /** The process's state letter from /proc (R running, S sleeping, T stopped), waiting up to 2 s for {@code want}. */
    private static char awaitState(long pid, char want) throws IOException, InterruptedException {
        char state = '?';
        for (int i = 0; i < 40; i++) {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            state = stat.charAt(stat.lastIndexOf(')') + 2);
            if (state == want) {
                break;
            }
            Thread.sleep(50);
        }
        return state;
    }

    private static Peer peerOf(long pid) {
        return new Peer() {
            public String name() {
                return "test";
            }

            public void start() {
            }

            public long awaitConnected(Duration timeout) {
                return 0;
            }

            public long stored() {
                return 0;
            }

            public long received() {
                return -1;
            }

            public long pid() {
                return pid;
            }

            public void stop() {
            }

            public void close() {
            }
        };
    }
}
