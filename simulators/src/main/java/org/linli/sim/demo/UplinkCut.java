package org.linli.sim.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WAN link of the box that goes dark: one loopback TCP relay per broker node, which the compound's uplink is
 * given instead of the nodes themselves. {@link #cut} closes the relays' listening sockets and every relayed
 * connection at once, as a dead line would: the broker sees the connection drop and publishes the compound's will,
 * the gateway's reconnects are refused, and the compound keeps working on its own. Each relay accepts on its own
 * thread and copies each direction of a connection on a thread of its own (one connection at a time is expected).
 */
final class UplinkCut implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UplinkCut.class);

    private final List<ServerSocket> listeners = new ArrayList<>();
    private final List<String> urls = new ArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    /** A relay on a free loopback port for each of {@code nodeUrls} ({@code tcp://host:port}). */
    UplinkCut(List<String> nodeUrls) throws IOException {
        for (String url : nodeUrls) {
            URI target = URI.create(url);
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            listeners.add(listener);
            urls.add("tcp://127.0.0.1:" + listener.getLocalPort());
            Thread t = new Thread(() -> accept(listener, target.getHost(), target.getPort()),
                    "uplink-cut-" + listener.getLocalPort());
            t.setDaemon(true);
            t.start();
        }
    }

    /** The relays' URLs, in the order of the node URLs given. */
    List<String> urls() {
        return List.copyOf(urls);
    }

    /** Cuts the line: no more connections, and the open ones dropped. */
    void cut() {
        cut = true;
        int connections = open.size() / 2;
        close();
        LOG.info("uplink cut: {} relayed connection(s) dropped, new ones refused", connections);
    }

    private void accept(ServerSocket listener, String host, int port) {
        while (!cut) {
            try {
                Socket in = listener.accept();
                Socket out;
                try {
                    out = new Socket(host, port);
                } catch (IOException e) {
                    in.close();
                    continue;
                }
                open.add(in);
                open.add(out);
                pump(in, out);
                pump(out, in);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, n);
                }
            } catch (IOException ended) {
                // one side closed or the line was cut
            } finally {
                quietly(from);
                quietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "uplink-cut-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        listeners.forEach(UplinkCut::quietly);
        open.forEach(UplinkCut::quietly);
    }

    private static void quietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
