package org.linli.sim.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A peer's process with its output copied to a log file by a reader thread, which also notes the
 * {@link System#nanoTime()} at which the first line matching a pattern (the MQTT connect) was read: the start of a
 * timed drain, taken the same way for every peer.
 */
final class ChildProcess {
    private final Process process;
    private final CountDownLatch matched = new CountDownLatch(1);
    private final AtomicLong matchedAt = new AtomicLong();
    private final long startedAt = System.nanoTime();

    ChildProcess(ProcessBuilder builder, Path log, Pattern connectLine) throws IOException {
        process = builder.redirectErrorStream(true).start();
        Thread reader = new Thread(() -> copy(log, connectLine), "bench-log-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    private void copy(Path log, Pattern connectLine) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (matched.getCount() > 0 && connectLine.matcher(line).find()) {
                    matchedAt.set(System.nanoTime());
                    matched.countDown();
                }
                out.write(line);
                out.write('\n');
                out.flush();
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    long awaitMatch(Duration timeout, String what) throws InterruptedException, IOException {
        if (!matched.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IOException(what + " did not log its MQTT connection within " + timeout
                    + (process.isAlive() ? "" : " (exited with " + process.exitValue() + ")"));
        }
        return matchedAt.get();
    }

    long startedAt() {
        return startedAt;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
