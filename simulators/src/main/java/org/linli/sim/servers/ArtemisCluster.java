package org.linli.sim.servers;

import org.apache.activemq.artemis.core.postoffice.BindingType;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.cluster.Bridge;
import org.apache.activemq.artemis.core.server.cluster.ClusterConnection;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The centre's broker cluster for tests and the demo: three ActiveMQ Artemis nodes embedded in this JVM, each started
 * from the one {@code broker.xml} (docker/artemis/broker.xml, on the classpath as {@code artemis/broker.xml}) with
 * its own name, loopback ports and data directory, joined by static cluster connectors to every other node.
 *
 * <p>Artemis fills broker.xml's {@code ${linli.artemis.*}} placeholders from system properties while it parses the
 * file inside {@link EmbeddedActiveMQ#start()}; this class therefore starts the nodes one after another on the
 * calling thread, setting those properties just for each start and restoring them afterwards. {@link #start()}
 * returns once every node's cluster bridges to the two others are connected and each node's topology lists all three
 * nodes. Security is off unless {@link #withLogins} names the login files. Not thread-safe: one thread starts and
 * closes it.
 */
public final class ArtemisCluster implements AutoCloseable {
    private static final String CLUSTER = "linli-cluster";
    private static final String PREFIX = "linli.artemis.";

    private final Path dir;
    private final int size;
    private final int[] mqttPorts;
    private final int[] corePorts;
    private final List<EmbeddedActiveMQ> nodes = new ArrayList<>();
    private Path loginDir;

    /** A cluster of {@code size} nodes with data under {@code dir}/nodeN; 3, as broker.xml names two peers. */
    public ArtemisCluster(Path dir, int size) {
        if (size != 3) {
            throw new IllegalArgumentException("broker.xml has static connectors to two peers; size must be 3");
        }
        this.dir = dir;
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

    /** Starts every node and waits (up to {@code timeout}) until the cluster's bridges are all connected. */
    public ArtemisCluster start(Duration timeout) {
        URL brokerXml = ArtemisCluster.class.getResource("/artemis/broker.xml");
        if (brokerXml == null) {
            throw new IllegalStateException("artemis/broker.xml is not on the classpath");
        }
        for (int i = 0; i < size; i++) {
            nodes.add(startNode(i, brokerXml));
        }
        awaitClusterFormed(timeout);
        return this;
    }

    public ArtemisCluster start() {
        return start(Duration.ofSeconds(30));
    }

    private EmbeddedActiveMQ startNode(int i, URL brokerXml) {
        Map<String, String> props = new HashMap<>();
        props.put("name", nodeName(i));
        props.put("host", "127.0.0.1");
        props.put("mqttPort", Integer.toString(mqttPorts[i]));
        props.put("corePort", Integer.toString(corePorts[i]));
        props.put("dataDir", dir.resolve(nodeName(i)).toAbsolutePath().toString());
        props.put("peer1", coreUrl((i + 1) % size));
        props.put("peer2", coreUrl((i + 2) % size));
        props.put("securityEnabled", Boolean.toString(loginDir != null));
        Map<String, String> previous = new HashMap<>();
        props.forEach((k, v) -> previous.put(k, System.setProperty(PREFIX + k, v)));
        try {
            EmbeddedActiveMQ node = new EmbeddedActiveMQ();
            node.setConfigResourcePath(brokerXml.toString());
            if (loginDir != null) {
                node.setSecurityManager(new ActiveMQJAASSecurityManager("linli", new ArtemisPropertiesLogin(loginDir)));
            }
            node.start();
            return node;
        } catch (Exception e) {
            throw new IllegalStateException("Artemis " + nodeName(i) + " did not start", e);
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(PREFIX + k);
                } else {
                    System.setProperty(PREFIX + k, v);
                }
            });
        }
    }

    /** Polls each node's cluster connection: all bridges connected and all N nodes in its topology. */
    private void awaitClusterFormed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
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

    /** True when every node has a connected bridge to each other node and sees all N members. */
    public boolean clusterFormed() {
        for (EmbeddedActiveMQ node : nodes) {
            ClusterConnection cc = clusterConnection(node);
            if (cc == null || cc.getTopology().getMembers().size() < size) {
                return false;
            }
            Bridge[] bridges = cc.getBridges();
            if (bridges.length < size - 1 || !Arrays.stream(bridges).allMatch(Bridge::isConnected)) {
                return false;
            }
        }
        return nodes.size() == size;
    }

    private static ClusterConnection clusterConnection(EmbeddedActiveMQ node) {
        ActiveMQServer server = node.getActiveMQServer();
        return server == null || server.getClusterManager() == null
                ? null : server.getClusterManager().getClusterConnection(CLUSTER);
    }

    private String describe() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            ClusterConnection cc = clusterConnection(nodes.get(i));
            s.append(nodeName(i)).append(cc == null ? " no cluster connection; "
                    : " members=" + cc.getTopology().getMembers().size() + " bridges connected="
                    + Arrays.stream(cc.getBridges()).filter(Bridge::isConnected).count() + "; ");
        }
        return s.toString();
    }

    /**
     * How many queue bindings node {@code i} holds for subscriptions on other nodes under the {@code linli.}
     * addresses: a publisher on that node reaches a subscriber elsewhere only once its binding has arrived.
     */
    public long remoteBindingCount(int i) {
        return nodes.get(i).getActiveMQServer().getPostOffice().getAllBindings()
                .filter(b -> b.getType() == BindingType.REMOTE_QUEUE)
                .filter(b -> b.getAddress().toString().startsWith("linli."))
                .count();
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
        CompletableFuture.allOf(nodes.stream().map(node -> CompletableFuture.runAsync(() -> {
            try {
                node.stop();
            } catch (Exception e) {
                // stopping anyway; a node that fails to stop cleanly leaves only its data directory
            }
        })).toArray(CompletableFuture[]::new)).join();
        nodes.clear();
    }
}
