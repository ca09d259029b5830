package org.linli.sim.centre;

import org.linli.sim.servers.FreePort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One centre replica as its own JVM ({@code org.linli.centre.CentreMain --config FILE} on the test classpath, as
 * {@code ./linli centre} runs it), so a test can SIGKILL it. The site file is shared by the replicas; each gets its
 * replica id from {@code LINLI_CENTRE_REPLICA} and its own HTTP port ({@code port: 0} is not usable from outside,
 * so the file is written per replica with a free port). Ready once {@code /health/ready} answers 200.
 */
final class CentreReplica implements AutoCloseable {
    static final String BROKER_PASSWORD = "centre-secret";

    final String replica;
    final int port = FreePort.pick();
    private final Path log;
    private final Process process;

    CentreReplica(Path dir, String replica, String siteYaml) throws Exception {
        this.replica = replica;
        Files.createDirectories(dir);
        Path config = dir.resolve("centre-" + replica + ".yaml");
        Files.writeString(config, siteYaml.replace("${PORT}", String.valueOf(port)));
        log = dir.resolve("centre-" + replica + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "org.linli.centre.CentreMain", "--config", config.toString());
        pb.environment().put("LINLI_CENTRE_REPLICA", replica);
        pb.environment().put("LINLI_CENTRE_BROKER_PASSWORD", BROKER_PASSWORD);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
    }

    /** Waits until {@code /health/ready} is 200 (the picture link is connected). */
    CentreReplica awaitReady(Duration timeout) {
        await("centre " + replica + " ready").atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("centre " + replica + " exited: " + tail());
            }
            return HttpSession.status(port, "/health/ready") == 200;
        });
        return this;
    }

    HttpSession login(String user) throws Exception {
        return HttpSession.login(port, user);
    }

    /** The sum of the samples of Prometheus meter {@code name} (all label sets) on {@code /metrics}. */
    double metric(String name) throws Exception {
        double sum = 0;
        for (String line : HttpSession.text(port, "/metrics").split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    String tail() {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 4000));
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
