package org.linli.sim.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node of the centre tier's broker run as production runs it (docs/DEPLOY.md, "The centre tier"): an instance of
 * the Artemis 2.40.0 distribution made with {@code bin/artemis create}, its {@code etc/} overwritten with
 * docker/artemis's broker-tls.xml and login.config, and {@code bin/artemis run} started as a child process with the
 * per-node values as {@code -D} (JAVA_ARGS_APPEND) and the secrets in the environment, exactly as
 * docker/centre-tier's image and artemis@.service do. Used from the test thread only.
 */
final class CentreTierArtemisNode implements AutoCloseable {
    static final Path DISTRIBUTION = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "apache",
            "activemq", "apache-artemis", "2.40.0", "apache-artemis-2.40.0-bin.tar.gz");
    private static final Path ARTEMIS_DIR = Path.of("..", "docker", "artemis");

    private final Path instance;
    private final String name;
    private final int mqttPort;
    private final int corePort;
    private final List<String> peers;
    private Process process;

    private CentreTierArtemisNode(Path instance, String name, int mqttPort, int corePort, List<String> peers) {
        this.instance = instance;
        this.name = name;
        this.mqttPort = mqttPort;
        this.corePort = corePort;
        this.peers = peers;
    }

    /** Unpacks the distribution into {@code dir}; returns its home (apache-artemis-2.40.0). */
    static Path unpack(Path dir) throws Exception {
        run(dir, List.of("tar", "xzf", DISTRIBUTION.toAbsolutePath().toString(), "-C", dir.toString()), Map.of());
        return dir.resolve("apache-artemis-2.40.0");
    }

    /**
     * Creates instance {@code name} under {@code dir} (~10 s: the create command is a JVM of its own) and puts the
     * tier's files into its etc/: broker-tls.xml as broker.xml, login.config, and {@code etcFiles} (the generated
     * security file, the logins). {@code peers}: the CORE URLs of the other two nodes.
     */
    static CentreTierArtemisNode create(Path home, Path dir, String name, int mqttPort, int corePort,
                                        List<String> peers, Map<String, Path> etcFiles) throws Exception {
        Path instance = dir.resolve(name);
        // the user given to create is replaced by the tier's own properties files
        run(dir, List.of(home.resolve("bin/artemis").toString(), "create", instance.toString(), "--user", "unused",
                "--password", "unused", "--require-login", "--silent", "--no-autotune", "--no-web", "--nio"), Map.of());
        Path etc = instance.resolve("etc");
        Files.copy(ARTEMIS_DIR.resolve("broker-tls.xml"), etc.resolve("broker.xml"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(ARTEMIS_DIR.resolve("login.config"), etc.resolve("login.config"), StandardCopyOption.REPLACE_EXISTING);
        CentreTierArtemisNode node = new CentreTierArtemisNode(instance, name, mqttPort, corePort, peers);
        node.addToEtc(etcFiles);
        return node;
    }

    /** Copies each file into the instance's etc/ under the given name (replacing what create wrote). */
    void addToEtc(Map<String, Path> etcFiles) throws IOException {
        for (Map.Entry<String, Path> f : etcFiles.entrySet()) {
            Files.copy(f.getValue(), instance.resolve("etc").resolve(f.getKey()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Starts {@code bin/artemis run} with the node's -D values and {@code secrets} in its environment. */
    void start(Path keyStore, Map<String, String> secrets) throws IOException {
        String securityFile = instance.resolve("etc/linli-security.xml").toUri().toString();
        List<String> props = List.of("-Dlinli.artemis.name=" + name, "-Dlinli.artemis.host=127.0.0.1",
                "-Dlinli.artemis.mqttPort=" + mqttPort, "-Dlinli.artemis.corePort=" + corePort,
                "-Dlinli.artemis.dataDir=" + instance.resolve("data"),
                "-Dlinli.artemis.peer1=" + peers.get(0), "-Dlinli.artemis.peer2=" + peers.get(1),
                "-Dlinli.artemis.keyStorePath=" + keyStore.toAbsolutePath(),
                "-Dlinli.artemis.securityFile=" + securityFile);
        ProcessBuilder pb = new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true).redirectOutput(instance.resolve("node.log").toFile());
        pb.environment().put("JAVA_ARGS", "-Xms64m -Xmx256m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError");
        pb.environment().put("JAVA_ARGS_APPEND", String.join(" ", props));
        pb.environment().putAll(secrets);
        process = pb.start();
    }

    int mqttPort() {
        return mqttPort;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String log() throws IOException {
        Path log = instance.resolve("node.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** SIGTERM (bin/artemis execs java, so this is the broker), then SIGKILL if it has not ended in 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static void run(Path dir, List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
