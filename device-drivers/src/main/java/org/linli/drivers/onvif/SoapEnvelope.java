package org.linli.drivers.onvif;

import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Builds SOAP 1.2 request envelopes and finds the Body of answers. */
public final class SoapEnvelope {
    /** Prefixes bodies may use without declaring them. */
    private static final String NAMESPACES = " xmlns:s=\"" + OnvifNamespaces.SOAP + "\""
            + " xmlns:tds=\"" + OnvifNamespaces.DEVICE + "\""
            + " xmlns:trt=\"" + OnvifNamespaces.MEDIA + "\""
            + " xmlns:tt=\"" + OnvifNamespaces.SCHEMA + "\""
            + " xmlns:tev=\"" + OnvifNamespaces.EVENTS + "\""
            + " xmlns:wsnt=\"" + OnvifNamespaces.WSNT + "\""
            + " xmlns:wsa=\"" + OnvifNamespaces.WSA + "\"";

    private SoapEnvelope() {
    }

    public static String build(List<String> headerBlocks, String body) {
        StringBuilder sb = new StringBuilder(512 + body.length());
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope").append(NAMESPACES).append('>');
        if (!headerBlocks.isEmpty()) {
            sb.append("<s:Header>");
            headerBlocks.forEach(sb::append);
            sb.append("</s:Header>");
        }
        return sb.append("<s:Body>").append(body).append("</s:Body></s:Envelope>").toString();
    }

    /** WS-Addressing Action and To; event services route PullMessages/Renew/Unsubscribe by To. */
    public static List<String> addressing(String action, String to) {
        return List.of("<wsa:Action>" + escape(action) + "</wsa:Action>", "<wsa:To>" + escape(to) + "</wsa:To>");
    }

    /** The first element inside soap:Body, if the document is a SOAP 1.2 envelope with a non-empty body. */
    public static Optional<Element> bodyContent(Document doc) {
        Element root = doc.getDocumentElement();
        if (root == null || !"Envelope".equals(root.getLocalName())) {
            return Optional.empty();
        }
        return Dom.child(root, "Body").flatMap(b -> Dom.child(b, "*"));
    }

    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
