package org.linli.sim.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The centre under test as its own JVM: {@code java -Xmx<heap> -jar linli-centre.jar --config <site file>} with the
 * broker password in {@code LINLI_CENTRE_BROKER_PASSWORD}, output to {@code centre.log} in the run's directory, on
 * a free HTTP port written into the site file. Stopped with SIGTERM (its shutdown hook closes Vert.x). One thread
 * drives it.
 */
final class CentreScaleCentre implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private CentreScaleCentre(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Writes the site file with a free port and starts the centre (not yet waiting for it). */
    static CentreScaleCentre start(Path jar, String xmx, Path dir, List<CentreScaleSite.Community> communities,
                                   List<String> brokerUrls, String brokerUser, String brokerPassword)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " not found: build it with mvn -o -q -pl simulators -am package"
                    + " -DskipTests");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path site = dir.resolve("centre-scale.yaml");
        Files.writeString(site, CentreScaleSite.yaml(communities, brokerUrls, brokerUser, port));
        Path log = dir.resolve("centre.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx, "-jar", jar.toAbsolutePath().toString(), "--config", site.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        if (brokerPassword != null) {
            pb.environment().put("LINLI_CENTRE_BROKER_PASSWORD", brokerPassword);
        }
        Process p = pb.start();
        // no orphan centre when the benchmark is interrupted (the broker nodes stop when their stdin closes)
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "bench-centre-stop"));
        return new CentreScaleCentre(p, port, log);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Polls the log until {@code text} appears (e.g. ResendAll's "every compound answered"); false on timeout. */
    boolean awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(log).contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
