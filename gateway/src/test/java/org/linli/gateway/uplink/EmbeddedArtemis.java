package org.linli.gateway.uplink;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * One embedded ActiveMQ Artemis node, the broker the centre runs, with two MQTT acceptors on free loopback ports:
 * {@code consumer} (always listening, for the test's subscriber) and {@code uplink} (for the gateway, started and
 * stopped by the test: while it is stopped the gateway sees exactly what it sees when the broker is down, a refused
 * connection, while the subscriber stays subscribed).
 */
final class EmbeddedArtemis implements AutoCloseable {
    final int consumerPort = freePort();
    final int uplinkPort = freePort();
    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();

    /** The port of the TLS acceptor (listening only when a key store was given). */
    final int tlsPort = freePort();

    EmbeddedArtemis(Path dir) throws Exception {
        this(dir, null, null);
    }

    /**
     * With a third MQTT acceptor, {@code tls}, on {@link #tlsPort}: TLS with the PKCS12 key store {@code keyStore}
     * (password {@code password}); none when {@code keyStore} is null.
     */
    EmbeddedArtemis(Path dir, Path keyStore, String password) throws Exception {
        this(dir, keyStore, password, false);
    }

    /**
     * With security on, as docker/artemis/broker.xml sets it on {@code linli.v1.#}: user {@code gw} / {@code test-token}
     * has role {@code compound} (send, createAddress: it may publish but not subscribe), user {@code centre} /
     * {@code centre-pw} role {@code centre} (everything).
     */
    static EmbeddedArtemis secured(Path dir) throws Exception {
        return new EmbeddedArtemis(dir, null, null, true);
    }

    private EmbeddedArtemis(Path dir, Path keyStore, String password, boolean secured) throws Exception {
        ConfigurationImpl c = new ConfigurationImpl();
        c.setPersistenceEnabled(false);
        c.setSecurityEnabled(secured);
        if (secured) {
            // (name, send, consume, createDurableQueue, deleteDurableQueue, createNonDurableQueue,
            //  deleteNonDurableQueue, manage, browse, createAddress, deleteAddress, view, edit)
            c.putSecurityRoles("linli.v1.#", java.util.Set.of(
                    new Role("compound", true, false, false, false, false, false, false, false, true, false, false, false),
                    new Role("centre", true, true, true, true, true, true, false, false, true, true, false, false)));
            SecurityConfiguration users = new SecurityConfiguration();
            users.addUser("gw", "test-token");   // TestSites.ENV gives LINLI_INFLUX_TOKEN this value
            users.addRole("gw", "compound");
            users.addUser("centre", "centre-pw");
            users.addRole("centre", "centre");
            broker.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        }
        c.setJMXManagementEnabled(false);
        c.setJournalDirectory(dir.resolve("journal").toString());
        c.setBindingsDirectory(dir.resolve("bindings").toString());
        c.setPagingDirectory(dir.resolve("paging").toString());
        c.setLargeMessagesDirectory(dir.resolve("large").toString());
        c.addAcceptorConfiguration("consumer", "tcp://127.0.0.1:" + consumerPort + "?protocols=MQTT");
        c.addAcceptorConfiguration("uplink", "tcp://127.0.0.1:" + uplinkPort + "?protocols=MQTT;autoStart=false");
        if (keyStore != null) {
            c.addAcceptorConfiguration("tls", "tcp://127.0.0.1:" + tlsPort + "?protocols=MQTT;sslEnabled=true;keyStorePath="
                    + keyStore + ";keyStorePassword=" + password + ";keyStoreType=PKCS12");
        }
        broker.setConfiguration(c);
        broker.start();
    }

    String uplinkUrl() {
        return "tcp://127.0.0.1:" + uplinkPort;
    }

    String tlsUrl() {
        return "ssl://127.0.0.1:" + tlsPort;
    }

    String consumerUrl() {
        return "tcp://127.0.0.1:" + consumerPort;
    }

    /** The broker comes up for the gateway. */
    void openUplink() throws Exception {
        acceptor().start();
    }

    /** The broker goes away for the gateway: no new connections, and the open ones are closed. */
    void closeUplink() throws Exception {
        acceptor().stop();
    }

    private Acceptor acceptor() {
        return broker.getActiveMQServer().getRemotingService().getAcceptor("uplink");
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
