package org.linli.drivers.onvif;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.w3c.dom.Element;

/**
 * One live pull-point subscription on a camera: its own address, and its termination time on the camera clock.
 * A RESOURCE_UNKNOWN error from any call means the camera has forgotten it (reboot, expiry): create a new one.
 */
public final class PullPointSubscription {
    static final String PULL_ACTION = OnvifNamespaces.EVENTS + "/PullPointSubscription/PullMessagesRequest";
    static final String RENEW_ACTION = "http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/RenewRequest";
    static final String UNSUBSCRIBE_ACTION =
            "http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/UnsubscribeRequest";
    /** Extra HTTP time beyond the long-poll timeout, so a camera answering at the deadline is not cut off. */
    static final Duration LONG_POLL_MARGIN = Duration.ofSeconds(5);

    private final SoapTransport transport;
    private final URI address;
    private volatile Instant terminationTime;

    PullPointSubscription(SoapTransport transport, URI address, Instant terminationTime) {
        this.transport = transport;
        this.address = address;
        this.terminationTime = terminationTime;
    }

    public URI address() {
        return address;
    }

    /** When the camera will drop this subscription unless renewed (camera clock). */
    public Instant terminationTime() {
        return terminationTime;
    }

    /**
     * Long-polls for up to timeout (sent as seconds) and at most messageLimit messages. The HTTP exchange is
     * allowed timeout + the request timeout, so the camera's empty answer at the deadline arrives before ours.
     */
    public PullMessagesResult pullMessages(Duration timeout, int messageLimit) throws OnvifException {
        String body = "<tev:PullMessages><tev:Timeout>" + XsdTime.seconds(timeout) + "</tev:Timeout>"
                + "<tev:MessageLimit>" + messageLimit + "</tev:MessageLimit></tev:PullMessages>";
        Duration httpTimeout = timeout.plus(transport.options().requestTimeout()).plus(LONG_POLL_MARGIN);
        Element r = transport.call(address, PULL_ACTION, body, SoapEnvelope.addressing(PULL_ACTION, address.toString()),
                true, httpTimeout, true);
        PullMessagesResult result = NotificationParser.parsePullMessagesResponse(r);
        terminationTime = result.terminationTime();
        return result;
    }

    /** Extends the subscription by termination (whole seconds) and returns the new termination time. */
    public Instant renew(Duration termination) throws OnvifException {
        String body = "<wsnt:Renew><wsnt:TerminationTime>" + XsdTime.seconds(termination)
                + "</wsnt:TerminationTime></wsnt:Renew>";
        Element r = transport.call(address, RENEW_ACTION, body, SoapEnvelope.addressing(RENEW_ACTION,
                address.toString()), true, transport.options().requestTimeout(), true);
        String text = Dom.pathText(r, "TerminationTime");
        terminationTime = text.isEmpty() ? transport.clock().now().plus(termination) : XsdTime.parse(text);
        return terminationTime;
    }

    public void unsubscribe() throws OnvifException {
        transport.call(address, UNSUBSCRIBE_ACTION, "<wsnt:Unsubscribe/>",
                SoapEnvelope.addressing(UNSUBSCRIBE_ACTION, address.toString()), true,
                transport.options().requestTimeout(), true);
    }

    @Override
    public String toString() {
        return "PullPointSubscription[" + address + " until " + terminationTime + "]";
    }
}
