package org.linli.drivers.onvif;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Small DOM navigation by local name. Cameras differ in prefixes and sometimes in namespaces of inner elements,
 * so body elements are matched by local name; fault codes and topics resolve namespaces explicitly.
 */
public final class Dom {
    private Dom() {
    }

    /** Direct child elements with the given local name ("*" for all). */
    public static List<Element> children(Node parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ("*".equals(localName) || localName.equals(e.getLocalName()))) {
                out.add(e);
            }
        }
        return out;
    }

    public static Optional<Element> child(Node parent, String localName) {
        List<Element> c = children(parent, localName);
        return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
    }

    /** Follows a path of local names through direct children: path(body, "GetProfilesResponse", "Profiles"). */
    public static Optional<Element> path(Node from, String... localNames) {
        Node at = from;
        for (String name : localNames) {
            Optional<Element> next = child(at, name);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            at = next.get();
        }
        return Optional.of((Element) at);
    }

    /** All descendant elements with the given local name, in document order. */
    public static List<Element> descendants(Node from, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = from instanceof Element e
                ? e.getElementsByTagNameNS("*", localName)
                : from.getOwnerDocument() == null
                        ? ((org.w3c.dom.Document) from).getElementsByTagNameNS("*", localName)
                        : from.getOwnerDocument().getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** Trimmed text of the first descendant with that local name, or "" when absent. */
    public static String text(Node from, String localName) {
        List<Element> d = descendants(from, localName);
        return d.isEmpty() ? "" : d.get(0).getTextContent().trim();
    }

    /** Trimmed text of the child path, or "" when absent. */
    public static String pathText(Node from, String... localNames) {
        return path(from, localNames).map(e -> e.getTextContent().trim()).orElse("");
    }

    public static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name).trim() : "";
    }
}
