package org.linli.drivers.onvif;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Turns a SOAP 1.2 Fault into a typed OnvifException. The kind is decided by the fault subcodes (ter:NotAuthorized,
 * ter:ActionNotSupported, ...) and by detail elements (wsrf-r:ResourceUnknownFault), matched on local name because
 * cameras bind these to varying prefixes and, for WS-RF and WS-Security, to several namespace versions.
 */
public final class SoapFaults {
    private SoapFaults() {
    }

    /** The fault in this envelope as an exception, or empty if the body is not a Fault. */
    public static Optional<OnvifException> fromEnvelope(Document doc) {
        return SoapEnvelope.bodyContent(doc).filter(e -> "Fault".equals(e.getLocalName())).map(SoapFaults::fromFault);
    }

    static OnvifException fromFault(Element fault) {
        List<String> codes = new ArrayList<>();
        for (Element value : Dom.descendants(fault, "Value")) {
            codes.add(localPart(value.getTextContent().trim()));
        }
        Dom.child(fault, "Detail").ifPresent(d -> Dom.children(d, "*").forEach(e -> codes.add(e.getLocalName())));
        String reason = Dom.text(fault, "Text");
        if (reason.isEmpty()) {
            reason = Dom.text(fault, "faultstring"); // a SOAP 1.1 answer from an older camera
        }
        OnvifErrorKind kind = kindOf(codes);
        return new OnvifException(kind, "SOAP fault " + String.join("/", codes)
                + (reason.isEmpty() ? "" : ": " + reason));
    }

    static OnvifErrorKind kindOf(List<String> codes) {
        for (String c : codes) {
            switch (c) {
                case "NotAuthorized", "FailedAuthentication", "InvalidSecurity", "InvalidSecurityToken",
                        "FailedCheck", "SenderNotAuthorized" -> {
                    return OnvifErrorKind.NOT_AUTHORIZED;
                }
                case "ResourceUnknownFault", "ResourceUnknown", "InvalidSubscription" -> {
                    return OnvifErrorKind.RESOURCE_UNKNOWN;
                }
                case "ActionNotSupported", "ActionNotSupportedFault", "NoSuchService" -> {
                    return OnvifErrorKind.ACTION_NOT_SUPPORTED;
                }
                default -> {
                }
            }
        }
        return OnvifErrorKind.FAULT;
    }

    private static String localPart(String qname) {
        int colon = qname.lastIndexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }
}
