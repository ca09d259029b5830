package org.linli.sim.e2e;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.linli.gateway.config.SiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real gateway process ({@code GatewayMain run}) on the test classpath, its stdout (the log) and stderr kept apart
 * in files, so a test can read exactly what an operator's terminal or journal would show on each.
 */
final class GatewayProcess implements AutoCloseable {
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private GatewayProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Writes the site file as {@code <name>.yaml} in {@code dir}, as an installer would, and returns its path. */
    static Path writeConfig(SiteConfig site, Path dir, String name) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        new ObjectMapper(new YAMLFactory()).setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .writeValue(file.toFile(), site);
        return file;
    }

    static GatewayProcess start(Path config, Path dir, String name) throws IOException {
        return start(config, dir, name, java.util.Map.of());
    }

    /** As {@link #start(Path, Path, String)}, with more environment variables (camera passwords). */
    static GatewayProcess start(Path config, Path dir, String name, java.util.Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.linli.gateway.GatewayMain", "run", "--config", config.toString());
        pb.environment().put("LINLI_INFLUX_TOKEN", "test-token");
        pb.environment().putAll(env);
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        return new GatewayProcess(pb.start(), out, err);
    }

    /** Waits for the process to end; false if it is still running after {@code seconds} (a hang guard, not a speed test). */
    boolean exits(int seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    int exitCode() {
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The non-blank lines written to stderr. */
    List<String> stderrLines() throws IOException {
        return Files.readAllLines(stderr).stream().filter(l -> !l.isBlank()).toList();
    }

    /** The end of both streams, for assertion messages. */
    String tail() {
        try {
            String log = Files.readString(stdout);
            return "stderr: " + Files.readString(stderr) + "\nlog: " + log.substring(Math.max(0, log.length() - 3000));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** SIGTERM: what systemd, docker stop and Ctrl-C (SIGINT, same hook) do; the shutdown hook runs. */
    void terminate() {
        process.destroy();
    }

    /** Both streams as written so far: the operator's terminal. */
    String output() throws IOException {
        return Files.readString(stdout) + Files.readString(stderr);
    }

    /** SIGKILL: what the OOM killer or a power cut does; no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
