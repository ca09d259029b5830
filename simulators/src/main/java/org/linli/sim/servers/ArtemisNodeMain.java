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
 * Runs until its standard input closes (the parent stopped it, or died), then stops the node and exits.
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
        while (System.in.read() != -1) {
            // the parent holds our standard input open while it wants this node running
        }
        node.stop();
        System.exit(0);
    }
}
