package org.linli.sim.servers;

import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.cluster.Bridge;
import org.apache.activemq.artemis.core.server.cluster.ClusterConnection;

import java.util.Arrays;

/**
 * Whether one Artemis node has joined the centre's cluster: its cluster connection {@code linli-cluster} has a
 * connected bridge to each other node and its topology lists every node. Read by the harness in this JVM and by
 * {@link ArtemisNodeMain} in a node's own JVM; reads the node's state, changes nothing.
 */
final class ArtemisClusterState {
    static final String CLUSTER = "linli-cluster";

    private ArtemisClusterState() {
    }

    static boolean joined(ActiveMQServer server, int size) {
        ClusterConnection cc = clusterConnection(server);
        if (cc == null || cc.getTopology().getMembers().size() < size) {
            return false;
        }
        Bridge[] bridges = cc.getBridges();
        return bridges.length >= size - 1 && Arrays.stream(bridges).allMatch(Bridge::isConnected);
    }

    static String describe(ActiveMQServer server) {
        ClusterConnection cc = clusterConnection(server);
        return cc == null ? "no cluster connection" : "members=" + cc.getTopology().getMembers().size()
                + " bridges connected=" + Arrays.stream(cc.getBridges()).filter(Bridge::isConnected).count();
    }

    private static ClusterConnection clusterConnection(ActiveMQServer server) {
        return server == null || server.getClusterManager() == null
                ? null : server.getClusterManager().getClusterConnection(CLUSTER);
    }
}
