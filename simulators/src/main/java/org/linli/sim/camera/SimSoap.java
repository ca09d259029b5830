package org.linli.sim.camera;

import org.linli.drivers.onvif.OnvifNamespaces;
import org.linli.drivers.onvif.SoapEnvelope;

/** SOAP 1.2 answer envelopes and faults, as a camera writes them. */
final class SimSoap {
    static final String NAMESPACES = " xmlns:s=\"" + OnvifNamespaces.SOAP + "\""
            + " xmlns:tds=\"" + OnvifNamespaces.DEVICE + "\""
            + " xmlns:trt=\"" + OnvifNamespaces.MEDIA + "\""
            + " xmlns:tt=\"" + OnvifNamespaces.SCHEMA + "\""
            + " xmlns:tev=\"" + OnvifNamespaces.EVENTS + "\""
            + " xmlns:wsnt=\"" + OnvifNamespaces.WSNT + "\""
            + " xmlns:wsa=\"" + OnvifNamespaces.WSA + "\""
            + " xmlns:ter=\"" + OnvifNamespaces.ERROR + "\""
            + " xmlns:wsrf-r=\"" + OnvifNamespaces.WSRF_R + "\"";

    private SimSoap() {
    }

    /** topicPrefix is bound to the ONVIF topics namespace on the envelope, as cameras do. */
    static String envelope(String body, String topicPrefix) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope" + NAMESPACES
                + " xmlns:" + topicPrefix + "=\"" + OnvifNamespaces.TOPICS + "\">"
                + "<s:Body>" + body + "</s:Body></s:Envelope>";
    }

    /** A Fault with code (s:Sender / s:Receiver) and one subcode qname (ter:NotAuthorized ...). */
    static String fault(String code, String subcode, String reason, String detail) {
        return envelope("<s:Fault><s:Code><s:Value>" + code + "</s:Value><s:Subcode><s:Value>" + subcode
                + "</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en\">" + SoapEnvelope.escape(reason)
                + "</s:Text></s:Reason>" + (detail.isEmpty() ? "" : "<s:Detail>" + detail + "</s:Detail>")
                + "</s:Fault>", "tns1");
    }

    static String notAuthorized() {
        return fault("s:Sender", "ter:NotAuthorized", "Sender not Authorized", "");
    }

    static String actionNotSupported(String op) {
        return fault("s:Receiver", "ter:ActionNotSupported", "Optional Action Not Implemented: " + op, "");
    }

    static String resourceUnknown(String address) {
        return fault("s:Sender", "wsrf-r:ResourceUnknownFault", "Subscription unknown or expired: " + address,
                "<wsrf-r:ResourceUnknownFault><wsrf-r:Timestamp>" + org.linli.drivers.onvif.XsdTime.format(
                        java.time.Instant.now()) + "</wsrf-r:Timestamp></wsrf-r:ResourceUnknownFault>");
    }

    static String invalidArgs(String reason) {
        return fault("s:Sender", "ter:InvalidArgVal", reason, "");
    }
}
