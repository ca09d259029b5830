package org.linli.sim.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One cluster node as a child JVM running {@link ArtemisNodeMain}, on the classpath of this JVM (under Surefire its
 * {@code surefire.test.class.path}, else {@code java.class.path}). Output goes to {@code <name>.log} next to the
 * node's data directory. Readiness is the ready file the child writes once it joined the cluster. {@link #kill} is a
 * SIGKILL; {@link #stop} closes the child's standard input so it stops its broker cleanly. One thread drives it.
 */
final class ArtemisNodeProcess {
    private final String name;
    private final Path dir;
    private final Map<String, String> properties;
    private Process process;

    /** {@code properties}: every {@code -D} the child gets (broker.xml placeholders and linli.node.*). */
    ArtemisNodeProcess(String name, Path dir, Map<String, String> properties) {
        this.name = name;
        this.dir = dir;
        this.properties = properties;
    }

    Path readyFile() {
        return dir.resolve(name + ".ready");
    }

    void launch() throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(readyFile());
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-Dlinli.node.readyFile=" + readyFile());
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(ArtemisNodeMain.class.getName());
        Path log = dir.resolve(name + ".log");
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Polls (50 ms) for the ready file; fails at once if the child died. */
    void awaitReady(long deadlineNanos) {
        while (!Files.exists(readyFile())) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see "
                        + dir.resolve(name + ".log"));
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException(name + " did not join the cluster in time; see "
                        + dir.resolve(name + ".log"));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no broker shutdown, no DISCONNECT to clients, sockets closed by the kernel. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the child to stop its broker (closes its stdin), SIGKILL after {@code grace}. */
    void stop(Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (IOException e) {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
