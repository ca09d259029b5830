package org.linli.sim.servers;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One node of the centre's cluster in its own JVM, so a test can SIGKILL it ({@link ArtemisCluster#inProcesses}).
 * Starts an embedded Artemis from the classpath's {@code artemis/broker.xml}, whose {@code ${linli.artemis.*}}
 * placeholders come from this JVM's {@code -D} system properties. Further properties:
 * {@code linli.node.readyFile} (written once the node's bridges to every other node are connected),
 * {@code linli.node.clusterSize}, {@code linli.node.loginDir} (logins on; see {@link ArtemisPropertiesLogin}) and
 * {@code linli.node.compounds} (the compound list {@link ArtemisSecurity#writeList} wrote: per-compound security).
 * Runs until its standard input closes (the parent stopped it, or died, at any moment, even before the node
 * joined), then stops the node and exits. The main thread starts the node; a daemon thread watches standard input.
 */
public final class ArtemisNodeMain {
    private ArtemisNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        Path ready = Path.of(System.getProperty("linli.node.readyFile"));
        int size = Integer.getInteger("linli.node.clusterSize", 3);
        String loginDir = System.getProperty("linli.node.loginDir");
        String compounds = System.getProperty("linli.node.compounds");
        URL brokerXml = ArtemisNodeMain.class.getResource("/artemis/broker.xml");
        if (brokerXml == null) {
            throw new IllegalStateException("artemis/broker.xml is not on the classpath");
        }
        EmbeddedActiveMQ node = new EmbeddedActiveMQ();
        Thread watcher = new Thread(() -> stopWhenParentLetsGo(node), "linli-node-stdin");
        watcher.setDaemon(true);
        watcher.start();
        node.setConfigResourcePath(brokerXml.toString());
        if (loginDir != null) {
            node.setSecurityManager(new ActiveMQJAASSecurityManager("linli",
                    new ArtemisPropertiesLogin(Path.of(loginDir))));
        }
        node.start();
        if (compounds != null) {
            ArtemisSecurity.readList(Path.of(compounds)).applyTo(node.getActiveMQServer());
        }
        while (!ArtemisClusterState.joined(node.getActiveMQServer(), size)) {
            Thread.sleep(50);
        }
        Files.writeString(ready, ProcessHandle.current().pid() + "\n");
        System.out.println("LINLI-NODE-READY " + System.getProperty("linli.artemis.name"));
        watcher.join();
    }

    /** Blocks until standard input closes (the parent holds it open while it wants this node), then exits. */
    private static void stopWhenParentLetsGo(EmbeddedActiveMQ node) {
        try {
            while (System.in.read() != -1) {
                // nothing is sent; only the end of the stream matters
            }
        } catch (java.io.IOException e) {
            // the pipe broke: the parent is gone just the same
        }
        try {
            if (node.getActiveMQServer() != null) {
                node.stop();
            }
        } catch (Exception e) {
            // exiting anyway
        }
        Runtime.getRuntime().halt(0);
    }
}
