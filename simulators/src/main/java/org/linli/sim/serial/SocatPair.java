package org.linli.sim.serial;

import org.linli.sim.servers.Executables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A virtual null-modem cable: socat joins two ptys and links them as {@code DIR/ttyA} (the gateway's end) and
 * {@code DIR/ttyB} (the simulated bus). Stopping it makes the links disappear, which is what pulling a USB RS-485
 * adapter looks like to the gateway; starting it again makes new ptys behind the same link names (a re-plug).
 */
public final class SocatPair implements AutoCloseable {
    private final Path dir;
    private Process process;

    public SocatPair(Path dir) {
        this.dir = dir;
    }

    public static boolean available() {
        return Executables.find("socat").isPresent();
    }

    /** The end the gateway opens. */
    public Path gatewayEnd() {
        return dir.resolve("ttyA");
    }

    /** The end the bus simulator answers on. */
    public Path busEnd() {
        return dir.resolve("ttyB");
    }

    public SocatPair start() {
        Path exe = Executables.find("socat").orElseThrow(() -> new IllegalStateException("socat is not installed"));
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(exe.toString(), "-d", "-d",
                    "pty,raw,echo=0,link=" + gatewayEnd() + ",mode=666",
                    "pty,raw,echo=0,link=" + busEnd() + ",mode=666")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("socat.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(gatewayEnd()) && Files.exists(busEnd()))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException("socat did not create " + gatewayEnd() + " and " + busEnd()
                        + " (see " + dir.resolve("socat.log") + ")");
            }
            sleep(10);
        }
        return this;
    }

    /** Stops socat and waits until the links are gone (socat removes them; a killed one may not). */
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        try {
            Files.deleteIfExists(gatewayEnd());
            Files.deleteIfExists(busEnd());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SocatPair restart() {
        stop();
        return start();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
