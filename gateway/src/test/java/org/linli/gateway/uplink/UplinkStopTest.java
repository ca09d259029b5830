package org.linli.gateway.uplink;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.config.UplinkOptions;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stop never waits on a peer that does not answer: with the uplink blocked in a connect to a broker that accepted
 * the TCP connection and never sends its CONNACK (Paho waits 15 s for it), closing the uplink ends its publisher
 * thread after the grace period, by closing the connection under it, rather than after Paho's own time-out.
 */
class UplinkStopTest {
    @TempDir
    Path tmp;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private ServerSocket silent;

    @AfterEach
    void closePeer() throws IOException {
        for (Socket s : held) {
            s.close();
        }
        if (silent != null) {
            silent.close();
        }
    }

    @Test
    void closingWhileABrokerWithholdsItsConnackEndsThePublisherWithinTheGrace() throws Exception {
        // GIVEN an uplink whose only broker takes the connection, reads the CONNECT and never answers
        silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAndSwallow, "silent-broker");
        acceptor.setDaemon(true);
        acceptor.start();
        UplinkOptions options = new UplinkOptions(List.of("tcp://127.0.0.1:" + silent.getLocalPort()), "xinhua",
                "heping", "xingfuli", null, null, null, null, null);
        Uplink uplink = Uplink.start(options, tmp.resolve("data").toString(), System::getenv, Clock.systemUTC());
        await().atMost(Duration.ofSeconds(10)).until(() -> !held.isEmpty());

        // WHEN the gateway stops the uplink while it waits for the CONNACK
        long started = System.nanoTime();
        uplink.close();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        // THEN the publisher thread is gone, well before Paho's 15 s CONNACK wait would have ended it
        assertFalse(publisherAlive(), "the uplink publisher thread is still running after close()");
        assertTrue(tookMs < UplinkPublisher.STOP_GRACE_MS + 5_000, "close() took " + tookMs + " ms");
    }

    private void acceptAndSwallow() {
        try {
            while (!silent.isClosed()) {
                Socket s = silent.accept();
                held.add(s);
                Thread reader = new Thread(() -> swallow(s), "silent-broker-reader");
                reader.setDaemon(true);
                reader.start();
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    private static void swallow(Socket s) {
        try (InputStream in = s.getInputStream()) {
            byte[] buffer = new byte[1024];
            while (in.read(buffer) >= 0) {
                // read and never answer
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    private static boolean publisherAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("linli-uplink-publisher") && t.isAlive());
    }
}
