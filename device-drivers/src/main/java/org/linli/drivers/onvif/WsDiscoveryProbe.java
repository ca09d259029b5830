package org.linli.drivers.onvif;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.linli.drivers.model.DecodeException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * WS-Discovery Probe for NetworkVideoTransmitters. Sends one Probe to the target (the multicast group in
 * production, a loopback port in tests) and collects ProbeMatches answering our MessageID until the wait ends.
 */
public final class WsDiscoveryProbe {
    public static final InetSocketAddress MULTICAST = new InetSocketAddress("239.255.255.250", 3702);

    private final InetSocketAddress target;

    public WsDiscoveryProbe(InetSocketAddress target) {
        this.target = target;
    }

    /** Devices that answered within wait, one per endpoint reference. Unparseable answers are skipped. */
    public List<ProbeMatch> probe(Duration wait) throws IOException {
        String messageId = "urn:uuid:" + UUID.randomUUID();
        byte[] probe = probeMessage(messageId).getBytes(StandardCharsets.UTF_8);
        Map<String, ProbeMatch> found = new LinkedHashMap<>();
        try (DatagramSocket socket = new DatagramSocket(0)) {
            socket.send(new DatagramPacket(probe, probe.length, target));
            long deadline = System.nanoTime() + wait.toNanos();
            byte[] buf = new byte[65_535];
            while (true) {
                long leftMs = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMs <= 0) {
                    break;
                }
                socket.setSoTimeout((int) Math.max(1, leftMs));
                DatagramPacket packet = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    break;
                }
                byte[] data = Arrays.copyOf(packet.getData(), packet.getLength());
                for (ProbeMatch m : parseMatches(data, messageId, packet.getAddress())) {
                    found.putIfAbsent(m.endpointReference(), m);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    static String probeMessage(String messageId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<s:Envelope xmlns:s=\"" + OnvifNamespaces.SOAP + "\" xmlns:a=\"" + OnvifNamespaces.WSA_2004 + "\""
                + " xmlns:d=\"" + OnvifNamespaces.WSD + "\" xmlns:dn=\"" + OnvifNamespaces.DISCOVERY_TYPES + "\">"
                + "<s:Header><a:Action s:mustUnderstand=\"1\">" + OnvifNamespaces.WSD + "/Probe</a:Action>"
                + "<a:MessageID>" + messageId + "</a:MessageID>"
                + "<a:To s:mustUnderstand=\"1\">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To></s:Header>"
                + "<s:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body></s:Envelope>";
    }

    /** ProbeMatches in one datagram that relate to our probe; empty for anything else. */
    static List<ProbeMatch> parseMatches(byte[] datagram, String messageId, java.net.InetAddress from) {
        List<ProbeMatch> out = new ArrayList<>();
        Document doc;
        try {
            doc = SecureXml.parse(datagram);
        } catch (DecodeException e) {
            return out;
        }
        String relatesTo = Dom.text(doc.getDocumentElement(), "RelatesTo");
        if (!relatesTo.isEmpty() && !relatesTo.equals(messageId)) {
            return out; // an answer to someone else's probe on a shared segment
        }
        for (Element m : Dom.descendants(doc.getDocumentElement(), "ProbeMatch")) {
            String epr = Dom.text(m, "Address");
            List<URI> xaddrs = new ArrayList<>();
            for (String x : words(Dom.pathText(m, "XAddrs"))) {
                try {
                    xaddrs.add(new URI(x));
                } catch (java.net.URISyntaxException e) {
                    // skip one bad address, keep the others
                }
            }
            out.add(new ProbeMatch(epr, xaddrs, words(Dom.pathText(m, "Types")), words(Dom.pathText(m, "Scopes")),
                    from));
        }
        return out;
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }
}
