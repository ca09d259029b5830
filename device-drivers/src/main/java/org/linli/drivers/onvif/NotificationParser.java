package org.linli.drivers.onvif;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/** Reads PullMessagesResponse bodies (and anything else carrying wsnt:NotificationMessage) into records. */
public final class NotificationParser {
    private NotificationParser() {
    }

    public static PullMessagesResult parsePullMessagesResponse(Element response) throws OnvifException {
        Instant current = requiredTime(response, "CurrentTime");
        Instant termination = requiredTime(response, "TerminationTime");
        return new PullMessagesResult(current, termination, parseMessages(response, current));
    }

    /**
     * All NotificationMessages under root. A message without a topic is skipped; a message without a readable
     * UtcTime gets fallbackTime (the answer's CurrentTime), since dropping an alarm for a bad timestamp is worse.
     */
    public static List<NotificationMessage> parseMessages(Element root, Instant fallbackTime) {
        List<NotificationMessage> out = new ArrayList<>();
        for (Element nm : Dom.descendants(root, "NotificationMessage")) {
            Optional<Element> topic = Dom.child(nm, "Topic");
            if (topic.isEmpty() || topic.get().getTextContent().isBlank()) {
                continue;
            }
            Optional<Element> message = Dom.path(nm, "Message", "Message");
            Instant time = fallbackTime;
            String operation = "";
            Map<String, String> source = Map.of();
            Map<String, String> data = Map.of();
            if (message.isPresent()) {
                Element m = message.get();
                time = timeOr(Dom.attr(m, "UtcTime"), fallbackTime);
                operation = Dom.attr(m, "PropertyOperation");
                source = simpleItems(m, "Source");
                data = simpleItems(m, "Data");
            }
            out.add(new NotificationMessage(OnvifTopic.normalise(topic.get()), topic.get().getTextContent().trim(),
                    time, operation, source, data));
        }
        return out;
    }

    private static Map<String, String> simpleItems(Element message, String section) {
        Map<String, String> items = new LinkedHashMap<>();
        Dom.child(message, section).ifPresent(s -> Dom.children(s, "SimpleItem")
                .forEach(i -> items.put(Dom.attr(i, "Name"), Dom.attr(i, "Value"))));
        return items;
    }

    private static Instant requiredTime(Element response, String name) throws OnvifException {
        String text = Dom.pathText(response, name);
        if (text.isEmpty()) {
            throw new OnvifException(OnvifErrorKind.BAD_RESPONSE, response.getLocalName() + ": no " + name);
        }
        return XsdTime.parse(text);
    }

    private static Instant timeOr(String text, Instant fallback) {
        try {
            return text.isEmpty() ? fallback : XsdTime.parse(text);
        } catch (OnvifException e) {
            return fallback;
        }
    }
}
