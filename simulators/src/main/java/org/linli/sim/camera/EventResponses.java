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

    /**
     * GetEventProperties: the fixed topic set of the events this camera raises ({@link SimEvent#TOPIC_DATA_ITEMS}),
     * each leaf with its message description (source items, one boolean data item), as real Profile S cameras
     * describe them, so a client can see what to subscribe to before it subscribes.
     */
    String eventProperties() {
        StringBuilder set = new StringBuilder();
        // group the leaves under their RuleEngine/<detector> parents: RuleEngine > CellMotionDetector > Motion
        set.append('<').append(topicPrefix).append(":RuleEngine wstop:topic=\"false\">");
        new java.util.TreeMap<>(SimEvent.TOPIC_DATA_ITEMS).forEach((topic, item) -> {
            String[] parts = topic.split("/");
            set.append('<').append(parts[1]).append('>').append('<').append(parts[2])
                    .append(" wstop:topic=\"true\"><tt:MessageDescription IsProperty=\"true\"><tt:Source>");
            SimEvent.SOURCE_ITEMS.forEach(name -> set.append("<tt:SimpleItemDescription Name=\"").append(name)
                    .append("\" Type=\"").append(name.equals("Rule") ? "xs:string" : "tt:ReferenceToken")
                    .append("\"/>"));
            set.append("</tt:Source><tt:Data><tt:SimpleItemDescription Name=\"").append(item)
                    .append("\" Type=\"xs:boolean\"/></tt:Data></tt:MessageDescription>")
                    .append("</").append(parts[2]).append("></").append(parts[1]).append('>');
        });
        set.append("</").append(topicPrefix).append(":RuleEngine>");
        return "<tev:GetEventPropertiesResponse><tev:TopicNamespaceLocation>"
                + "http://www.onvif.org/onvif/ver10/topics/topicns.xml</tev:TopicNamespaceLocation>"
                + "<wsnt:FixedTopicSet>true</wsnt:FixedTopicSet><wstop:TopicSet "
                + "xmlns:wstop=\"http://docs.oasis-open.org/wsn/t-1\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
                + set + "</wstop:TopicSet>"
                + "<wsnt:TopicExpressionDialect>http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet"
                + "</wsnt:TopicExpressionDialect>"
                + "<tev:MessageContentFilterDialect>http://www.onvif.org/ver10/tev/messageContentFilter/ItemFilter"
                + "</tev:MessageContentFilterDialect></tev:GetEventPropertiesResponse>";
    }
}
