package org.linli.sim.camera;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.UUID;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.onvif.Dom;
import org.linli.drivers.onvif.OnvifNamespaces;
import org.linli.drivers.onvif.SecureXml;
import org.w3c.dom.Document;

/**
 * Answers WS-Discovery Probes with a ProbeMatches naming the camera's device service, sent unicast to the prober.
 * Two ways to listen: unicast on a loopback port (tests, no multicast routing needed), or as a real camera does,
 * on the WS-Discovery group 239.255.255.250 joined on every multicast interface (loopback included where it supports
 * multicast) with the port shared (SO_REUSEADDR), so stock clients such as npm {@code onvif} find it. Runs on its own
 * daemon thread.
 */
final class DiscoveryResponder implements AutoCloseable {
    private final DatagramSocket socket;
    private final String endpointReference;
    private final String xaddr;
    private final String scopes;
    private final Thread thread;

    /** The WS-Discovery multicast group (IPv4). */
    static final String GROUP = "239.255.255.250";

    DiscoveryResponder(int port, String endpointReference, String xaddr, String scopes) throws SocketException {
        this(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)), endpointReference,
                xaddr, scopes);
    }

    private DiscoveryResponder(DatagramSocket socket, String endpointReference, String xaddr, String scopes) {
        this.socket = socket;
        this.endpointReference = endpointReference;
        this.xaddr = xaddr;
        this.scopes = scopes;
        this.thread = new Thread(this::run, "camera-sim-discovery-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** Listens on {@code port} (3702 for stock clients) of every address, joined to {@link #GROUP}. */
    static DiscoveryResponder multicast(int port, String endpointReference, String xaddr, String scopes)
            throws IOException {
        MulticastSocket socket = new MulticastSocket(null);
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(port));
        InetSocketAddress group = new InetSocketAddress(InetAddress.getByName(GROUP), 0);
        int joined = 0;
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || !nic.supportsMulticast()) {
                continue;
            }
            try {
                socket.joinGroup(group, nic);
                joined++;
            } catch (IOException e) {
                // an interface without an IPv4 address; the others still hear probes
            }
        }
        if (joined == 0) {
            socket.close();
            throw new IOException("no interface could join " + GROUP);
        }
        return new DiscoveryResponder(socket, endpointReference, xaddr, scopes);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void run() {
        byte[] buf = new byte[65_535];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(packet);
                String messageId = probeMessageId(Arrays.copyOf(packet.getData(), packet.getLength()));
                if (messageId != null) {
                    byte[] answer = probeMatches(messageId).getBytes(StandardCharsets.UTF_8);
                    socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    /** The MessageID of a Probe for video transmitters (or for any type), else null. */
    private static String probeMessageId(byte[] datagram) {
        try {
            Document doc = SecureXml.parse(datagram);
            if (Dom.descendants(doc.getDocumentElement(), "Probe").isEmpty()) {
                return null;
            }
            String types = Dom.text(doc.getDocumentElement(), "Types");
            if (!types.isEmpty() && !types.contains("NetworkVideoTransmitter") && !types.contains("Device")) {
                return null;
            }
            String id = Dom.text(doc.getDocumentElement(), "MessageID");
            return id.isEmpty() ? null : id;
        } catch (DecodeException e) {
            return null;
        }
    }

    private String probeMatches(String relatesTo) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<s:Envelope xmlns:s=\"" + OnvifNamespaces.SOAP + "\" xmlns:a=\"" + OnvifNamespaces.WSA_2004
                + "\" xmlns:d=\"" + OnvifNamespaces.WSD + "\" xmlns:dn=\"" + OnvifNamespaces.DISCOVERY_TYPES + "\">"
                + "<s:Header><a:MessageID>urn:uuid:" + UUID.randomUUID() + "</a:MessageID>"
                + "<a:RelatesTo>" + relatesTo + "</a:RelatesTo>"
                + "<a:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:To>"
                + "<a:Action>" + OnvifNamespaces.WSD + "/ProbeMatches</a:Action></s:Header>"
                + "<s:Body><d:ProbeMatches><d:ProbeMatch><a:EndpointReference><a:Address>" + endpointReference
                + "</a:Address></a:EndpointReference><d:Types>dn:NetworkVideoTransmitter</d:Types>"
                + "<d:Scopes>" + scopes + "</d:Scopes><d:XAddrs>" + xaddr + "</d:XAddrs>"
                + "<d:MetadataVersion>1</d:MetadataVersion></d:ProbeMatch></d:ProbeMatches></s:Body></s:Envelope>";
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
