package org.linli.sim.bench;

import java.io.IOException;
import java.time.Duration;

/**
 * A program under test that takes MQTT messages from the broker and writes them to the InfluxDB-API server: the
 * gateway or Node-RED. One process per run; the harness reads its progress through the peer's own counters or the
 * server's. Called from the harness's main thread only.
 */
interface Peer extends AutoCloseable {
    /** "gateway" or "node-red". */
    String name();

    /** Starts the process (a fresh one each time; the MQTT session is kept by the broker). */
    void start() throws IOException;

    /** Waits until the process logged its MQTT connection; returns {@link System#nanoTime()} when the line was read. */
    long awaitConnected(Duration timeout) throws IOException, InterruptedException;

    /** Messages stored so far, as the peer's counters or the server's show: acknowledged by the server. */
    long stored() throws IOException;

    /** How many of {@code messages} the peer can store (all, unless its flow cannot write some). */
    default long expected(java.util.List<BenchMessages.Message> messages) throws IOException {
        return messages.size();
    }

    /** Messages taken from the broker so far, or -1 where the peer does not count them. */
    long received() throws IOException;

    long pid();

    /**
     * Stops the process where it stands ({@code SIGSTOP}): its connections stay open and the broker queues for it, as
     * for a process that is busy, not gone. Undone by {@link #resume()}.
     */
    default void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a {@link #pause()}d process run on ({@code SIGCONT}). */
    default void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).redirectErrorStream(true).start();
        String said = new String(kill.getInputStream().readAllBytes()).trim();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + pid() + " failed: " + said);
        }
    }

    /** SIGTERM, then waits for the process to end (SIGKILL after 20 s). */
    void stop() throws InterruptedException;

    @Override
    void close() throws InterruptedException;
}
