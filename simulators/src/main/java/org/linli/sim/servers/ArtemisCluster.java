package org.linli.sim.servers;

import org.apache.activemq.artemis.core.postoffice.BindingType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The centre's broker cluster for tests and the demo: three ActiveMQ Artemis nodes, each started from the one
 * {@code broker.xml} (docker/artemis/broker.xml, on the classpath as {@code artemis/broker.xml}) with its own name,
 * loopback ports and data directory, joined by static cluster connectors to every other node.
 *
 * <p>Two modes. By default the nodes are embedded in this JVM: Artemis fills broker.xml's
 * {@code ${linli.artemis.*}} placeholders from system properties while it parses the file inside
 * {@link EmbeddedActiveMQ#start()}, so the nodes start one after another on the calling thread, with those
 * properties set just for each start. {@link #inProcesses()} runs each node as its own child JVM
 * ({@link ArtemisNodeMain}), started in parallel, which {@link #kill} can SIGKILL and {@link #restart} start again on
 * the same ports and journal. Either way {@link #start()} returns once every node's bridges to the others are
 * connected and its topology lists all nodes (polled, no fixed sleep). Security is off unless {@link #withLogins}
 * names the login files. Not thread-safe: one thread starts, kills and closes it.
 */
public final class ArtemisCluster implements AutoCloseable {
    private static final String PREFIX = "linli.artemis.";

    private final Path dir;
    private final int size;
    private final int[] mqttPorts;
    private final int[] corePorts;
    private final List<EmbeddedActiveMQ> nodes = new ArrayList<>();
    private final List<ArtemisNodeProcess> processes = new ArrayList<>();
    private boolean inProcesses;
    private Path loginDir;
    private ArtemisSecurity security;

    /** A cluster of {@code size} nodes with data under {@code dir}/nodeN; 3, as broker.xml names two peers. */
    public ArtemisCluster(Path dir, int size) {
        if (size != 3) {
            throw new IllegalArgumentException("broker.xml has static connectors to two peers; size must be 3");
        }
        this.dir = dir.toAbsolutePath();
        this.size = size;
        this.mqttPorts = new int[size];
        this.corePorts = new int[size];
        for (int i = 0; i < size; i++) {
            mqttPorts[i] = FreePort.pick();
            corePorts[i] = FreePort.pick();
        }
    }

    /**
     * Turns security on: clients must log in as a user of {@code dir}/artemis-users.properties, and may do what
     * broker.xml's security settings allow the roles {@code dir}/artemis-roles.properties gives them. Without this
     * call security is off. Call before {@link #start}.
     */
    public ArtemisCluster withLogins(Path dir) {
        this.loginDir = dir;
        return this;
    }

    /**
     * Security on with per-compound confinement: writes the login files for {@code security}'s compounds (each
     * compound's user = its id, password {@code "secret-" + id}) and the given centre users into {@code dir}, and
     * applies {@link ArtemisSecurity#settings()} to every node before it accepts clients.
     */
    public ArtemisCluster withLogins(Path dir, ArtemisSecurity security, Map<String, String> centreUsers) {
        try {
            security.writeLogins(dir, centreUsers, x -> compoundPassword(x.compound()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.loginDir = dir;
        this.security = security;
        return this;
    }

    /** The password {@link #withLogins(Path, ArtemisSecurity, Map)} gives a compound's user. */
    public static String compoundPassword(String compoundId) {
        return "secret-" + compoundId;
    }

    /** Runs each node in its own JVM (so it can be SIGKILLed). Call before {@link #start}. */
    public ArtemisCluster inProcesses() {
        this.inProcesses = true;
        return this;
    }

    /**
     * Starts every node and waits (up to {@code timeout}) until the cluster's bridges are all connected; on failure
     * stops what it started.
     */
    public ArtemisCluster start(Duration timeout) {
        try {
            return startNodes(timeout);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private ArtemisCluster startNodes(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (inProcesses) {
            for (int i = 0; i < size; i++) {
                processes.add(new ArtemisNodeProcess(nodeName(i), dir, processProperties(i)));
                launch(i);
            }
            processes.forEach(p -> p.awaitReady(deadline));
            return this;
        }
        URL brokerXml = ArtemisCluster.class.getResource("/artemis/broker.xml");
        if (brokerXml == null) {
            throw new IllegalStateException("artemis/broker.xml is not on the classpath");
        }
        for (int i = 0; i < size; i++) {
            nodes.add(startNode(i, brokerXml));
        }
        awaitClusterFormed(deadline, timeout);
        return this;
    }

    public ArtemisCluster start() {
        return start(Duration.ofSeconds(30));
    }

    /** Process mode: SIGKILLs node {@code i} (0-based); returns once the process is gone. */
    public void kill(int i) {
        requireProcesses().get(i).kill();
    }

    /**
     * Process mode: starts node {@code i} again on the same ports and journal, and waits until it has joined the
     * running nodes again.
     */
    public void restart(int i, Duration timeout) {
        ArtemisNodeProcess p = requireProcesses().get(i);
        if (p.isRunning()) {
            throw new IllegalStateException(nodeName(i) + " is running");
        }
        launch(i);
        p.awaitReady(System.nanoTime() + timeout.toNanos());
    }

    /** Whether node {@code i} runs (process mode: its JVM is alive; in this JVM: started). */
    public boolean isRunning(int i) {
        return inProcesses ? processes.get(i).isRunning() : nodes.get(i).getActiveMQServer().isStarted();
    }

    private List<ArtemisNodeProcess> requireProcesses() {
        if (!inProcesses) {
            throw new IllegalStateException("kill and restart need inProcesses()");
        }
        return processes;
    }

    private void launch(int i) {
        try {
            processes.get(i).launch();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + nodeName(i), e);
        }
    }

    private Map<String, String> nodeProperties(int i) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(PREFIX + "name", nodeName(i));
        props.put(PREFIX + "host", "127.0.0.1");
        props.put(PREFIX + "mqttPort", Integer.toString(mqttPorts[i]));
        props.put(PREFIX + "corePort", Integer.toString(corePorts[i]));
        props.put(PREFIX + "dataDir", dir.resolve(nodeName(i)).toString());
        props.put(PREFIX + "peer1", coreUrl((i + 1) % size));
        props.put(PREFIX + "peer2", coreUrl((i + 2) % size));
        props.put(PREFIX + "securityEnabled", Boolean.toString(loginDir != null));
        return props;
    }

    private Map<String, String> processProperties(int i) {
        Map<String, String> props = nodeProperties(i);
        props.put("linli.node.clusterSize", Integer.toString(size));
        if (loginDir != null) {
            props.put("linli.node.loginDir", loginDir.toAbsolutePath().toString());
        }
        if (security != null) {
            Path list = dir.resolve("compounds.txt");
            try {
                security.writeList(list);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            props.put("linli.node.compounds", list.toString());
        }
        return props;
    }

    private EmbeddedActiveMQ startNode(int i, URL brokerXml) {
        Map<String, String> previous = new HashMap<>();
        nodeProperties(i).forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
        try {
            EmbeddedActiveMQ node = new EmbeddedActiveMQ();
            node.setConfigResourcePath(brokerXml.toString());
            if (loginDir != null) {
                node.setSecurityManager(new ActiveMQJAASSecurityManager("linli", new ArtemisPropertiesLogin(loginDir)));
            }
            node.start();
            if (security != null) {
                security.applyTo(node.getActiveMQServer());
            }
            return node;
        } catch (Exception e) {
            throw new IllegalStateException("Artemis " + nodeName(i) + " did not start", e);
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    /** Polls each node's cluster connection: all bridges connected and all N nodes in its topology. */
    private void awaitClusterFormed(long deadline, Duration timeout) {
        while (!clusterFormed()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Artemis cluster not formed within " + timeout + ": " + describe());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /**
     * True when every node has a connected bridge to each other node and sees all N members (process mode: every
     * node's JVM is alive and reported that once).
     */
    public boolean clusterFormed() {
        if (inProcesses) {
            return processes.size() == size && processes.stream().allMatch(p -> p.isRunning()
                    && Files.exists(p.readyFile()));
        }
        return nodes.size() == size
                && nodes.stream().allMatch(n -> ArtemisClusterState.joined(n.getActiveMQServer(), size));
    }

    private String describe() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            s.append(nodeName(i)).append(' ').append(ArtemisClusterState.describe(nodes.get(i).getActiveMQServer()))
                    .append("; ");
        }
        return s.toString();
    }

    /**
     * In-JVM mode: how many queue bindings node {@code i} holds for subscriptions on other nodes under the
     * {@code linli.} addresses: a publisher on that node reaches a subscriber elsewhere only once its binding has
     * arrived.
     */
    public long remoteBindingCount(int i) {
        if (inProcesses) {
            throw new IllegalStateException("remote bindings are readable only in-JVM");
        }
        return nodes.get(i).getActiveMQServer().getPostOffice().getAllBindings()
                .filter(b -> b.getType() == BindingType.REMOTE_QUEUE)
                .filter(b -> b.getAddress().toString().startsWith("linli."))
                .count();
    }

    /**
     * In-JVM mode: whether every node holds a binding, its own or a remote one, for an MQTT topic without wildcards
     * (Artemis' address is the topic with {@code /} as {@code .}): a message published there on any node then
     * reaches the subscriber, wherever it is connected. Until then such a message finds no queue and is dropped.
     */
    public boolean boundOnEveryNode(String mqttTopic) {
        if (inProcesses) {
            throw new IllegalStateException("bindings are readable only in-JVM");
        }
        String address = mqttTopic.replace('/', '.');
        return nodes.stream().allMatch(n -> n.getActiveMQServer().getPostOffice().getAllBindings()
                .anyMatch(b -> (b.getType() == BindingType.LOCAL_QUEUE || b.getType() == BindingType.REMOTE_QUEUE)
                        && b.getAddress().toString().equals(address)));
    }

    /** The MQTT URI of node {@code i} (0-based), for Paho: {@code tcp://127.0.0.1:port}. */
    public String mqttUri(int i) {
        return "tcp://127.0.0.1:" + mqttPorts[i];
    }

    /** Every node's MQTT URI, in node order: the server URIs a failing-over client is given. */
    public List<String> mqttUris() {
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            uris.add(mqttUri(i));
        }
        return uris;
    }

    public int size() {
        return size;
    }

    private String coreUrl(int i) {
        return "tcp://127.0.0.1:" + corePorts[i];
    }

    private static String nodeName(int i) {
        return "node" + (i + 1);
    }

    /** Stops all nodes in parallel (a clustered node takes seconds to close its bridges). */
    @Override
    public void close() {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (EmbeddedActiveMQ node : nodes) {
            stops.add(CompletableFuture.runAsync(() -> {
                try {
                    node.stop();
                } catch (Exception e) {
                    // stopping anyway; a node that fails to stop cleanly leaves only its data directory
                }
            }));
        }
        for (ArtemisNodeProcess p : processes) {
            stops.add(CompletableFuture.runAsync(() -> p.stop(Duration.ofSeconds(20))));
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        nodes.clear();
        processes.clear();
    }
}
