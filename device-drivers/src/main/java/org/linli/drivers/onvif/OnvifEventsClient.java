package org.linli.drivers.onvif;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.w3c.dom.Element;

/** The events service: creates pull-point subscriptions (the only event mode that works through NAT/firewalls). */
public final class OnvifEventsClient {
    static final String CREATE_ACTION =
            OnvifNamespaces.EVENTS + "/EventPortType/CreatePullPointSubscriptionRequest";

    private final SoapTransport transport;
    private final URI xaddr;

    public OnvifEventsClient(SoapTransport transport, URI eventsXAddr) {
        this.transport = transport;
        this.xaddr = eventsXAddr;
    }

    /**
     * Creates a subscription living initialTermination (sent as whole seconds, "PT600S"). Each call makes a new
     * subscription with a new address; a supervisor never reuses an old one after a fault (FIELD-NOTES §4).
     */
    public PullPointSubscription createPullPointSubscription(Duration initialTermination) throws OnvifException {
        Element r = transport.call(xaddr, CREATE_ACTION, "<tev:CreatePullPointSubscription>"
                + "<tev:InitialTerminationTime>" + XsdTime.seconds(initialTermination) + "</tev:InitialTerminationTime>"
                + "</tev:CreatePullPointSubscription>", List.of(), true, transport.options().requestTimeout(), false);
        String address = Dom.pathText(r, "SubscriptionReference", "Address");
        if (address.isEmpty()) {
            throw new OnvifException(OnvifErrorKind.BAD_RESPONSE, "CreatePullPointSubscription: no address");
        }
        Instant termination = timeOrNull(Dom.pathText(r, "TerminationTime"));
        if (termination == null) {
            termination = transport.clock().now().plus(initialTermination);
        }
        return new PullPointSubscription(transport, xaddr.resolve(OnvifDeviceClient.uri(address)), termination);
    }

    private static Instant timeOrNull(String text) throws OnvifException {
        return text.isEmpty() ? null : XsdTime.parse(text);
    }
}
