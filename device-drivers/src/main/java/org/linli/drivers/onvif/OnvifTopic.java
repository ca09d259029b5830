package org.linli.drivers.onvif;

import java.util.function.UnaryOperator;
import org.w3c.dom.Element;

/**
 * Normalises topic expressions so that profiles can be written with one spelling. Cameras bind the ONVIF topic
 * namespace to tns1, tns, onvif or anything else; we resolve each segment's prefix against the element's
 * namespace declarations and write the ONVIF namespace as "tns1:". Prefixes bound elsewhere (vendor topic sets)
 * are kept as the camera wrote them, since a model profile is written for that camera.
 */
public final class OnvifTopic {
    public static final String PREFIX = "tns1";

    private OnvifTopic() {
    }

    /** The normalised topic of a wsnt:Topic element. */
    public static String normalise(Element topic) {
        return normalise(topic.getTextContent(), topic::lookupNamespaceURI);
    }

    /** "onvif:VideoSource/MotionAlarm" with onvif → the topics namespace becomes "tns1:VideoSource/MotionAlarm". */
    public static String normalise(String expression, UnaryOperator<String> namespaceOfPrefix) {
        String[] segments = expression.trim().split("/");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i].trim();
            int colon = seg.indexOf(':');
            if (colon > 0) {
                String prefix = seg.substring(0, colon);
                String ns = namespaceOfPrefix.apply(prefix);
                boolean onvif = OnvifNamespaces.TOPICS.equals(ns) || (ns == null && PREFIX.equals(prefix));
                String local = seg.substring(colon + 1);
                // ONVIF namespace: "tns1:" on the first segment only; inner segments are plain names
                seg = onvif ? (i == 0 ? PREFIX + ":" + local : local) : seg;
            }
            if (i > 0) {
                sb.append('/');
            }
            sb.append(seg);
        }
        return sb.toString();
    }

    /** For profile keys: normalises a topic written in a file, where only "tns1" means ONVIF. */
    public static String normalise(String expression) {
        return normalise(expression, p -> PREFIX.equals(p) ? OnvifNamespaces.TOPICS : null);
    }
}
