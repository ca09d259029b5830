package org.linli.sim.camera;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.linli.drivers.onvif.SoapEnvelope;
import org.linli.drivers.onvif.XsdTime;

/** Bodies of the events service and subscription manager answers. */
final class EventResponses {
    private final String baseUrl;
    private final String topicPrefix;

    EventResponses(String baseUrl, String topicPrefix) {
        this.baseUrl = baseUrl;
        this.topicPrefix = topicPrefix;
    }

    String subscriptionAddress(int id) {
        return baseUrl + CameraPaths.SUBSCRIPTION + id;
    }

    String created(SimSubscription s, Instant now) {
        return "<tev:CreatePullPointSubscriptionResponse><tev:SubscriptionReference><wsa:Address>"
                + subscriptionAddress(s.id) + "</wsa:Address></tev:SubscriptionReference>"
                + "<wsnt:CurrentTime>" + XsdTime.format(now) + "</wsnt:CurrentTime>"
                + "<wsnt:TerminationTime>" + XsdTime.format(s.terminationTime()) + "</wsnt:TerminationTime>"
                + "</tev:CreatePullPointSubscriptionResponse>";
    }

    String pulled(SimSubscription s, Instant now, List<SimEvent> events) {
        StringBuilder sb = new StringBuilder("<tev:PullMessagesResponse><tev:CurrentTime>")
                .append(XsdTime.format(now)).append("</tev:CurrentTime><tev:TerminationTime>")
                .append(XsdTime.format(s.terminationTime())).append("</tev:TerminationTime>");
        events.forEach(e -> sb.append(notification(s, e)));
        return sb.append("</tev:PullMessagesResponse>").toString();
    }

    private String notification(SimSubscription s, SimEvent e) {
        return "<wsnt:NotificationMessage><wsnt:SubscriptionReference><wsa:Address>" + subscriptionAddress(s.id)
                + "</wsa:Address></wsnt:SubscriptionReference>"
                + "<wsnt:Topic Dialect=\"http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet\">"
                + topicPrefix + ":" + e.topic() + "</wsnt:Topic>"
                + "<wsnt:ProducerReference><wsa:Address>" + baseUrl + CameraPaths.EVENTS
                + "</wsa:Address></wsnt:ProducerReference>"
                + "<wsnt:Message><tt:Message UtcTime=\"" + XsdTime.format(e.utcTime()) + "\" PropertyOperation=\""
                + e.propertyOperation() + "\">"
                + "<tt:Source>" + items(e.source()) + "</tt:Source><tt:Key/>"
                + "<tt:Data>" + items(e.data()) + "</tt:Data></tt:Message></wsnt:Message>"
                + "</wsnt:NotificationMessage>";
    }

    private static String items(Map<String, String> items) {
        StringBuilder sb = new StringBuilder();
        items.forEach((k, v) -> sb.append("<tt:SimpleItem Name=\"").append(SoapEnvelope.escape(k))
                .append("\" Value=\"").append(SoapEnvelope.escape(v)).append("\"/>"));
        return sb.toString();
    }

    String renewed(SimSubscription s, Instant now) {
        return "<wsnt:RenewResponse><wsnt:TerminationTime>" + XsdTime.format(s.terminationTime())
                + "</wsnt:TerminationTime><wsnt:CurrentTime>" + XsdTime.format(now)
                + "</wsnt:CurrentTime></wsnt:RenewResponse>";
    }

    String unsubscribed() {
        return "<wsnt:UnsubscribeResponse/>";
    }

    /** An empty GetEventProperties: enough for clients that ask before subscribing. */
    String eventProperties() {
        return "<tev:GetEventPropertiesResponse><tev:TopicNamespaceLocation>"
                + "http://www.onvif.org/onvif/ver10/topics/topicns.xml</tev:TopicNamespaceLocation>"
                + "<wsnt:FixedTopicSet>true</wsnt:FixedTopicSet><wstop:TopicSet "
                + "xmlns:wstop=\"http://docs.oasis-open.org/wsn/t-1\"/>"
                + "<wsnt:TopicExpressionDialect>http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet"
                + "</wsnt:TopicExpressionDialect></tev:GetEventPropertiesResponse>";
    }
}
