package org.linli.drivers.onvif;

import java.time.Instant;
import java.util.List;

/** One PullMessages answer: the camera's clock, the subscription's termination time, and the messages. */
public record PullMessagesResult(Instant currentTime, Instant terminationTime, List<NotificationMessage> messages) {
    public PullMessagesResult {
        messages = List.copyOf(messages);
    }
}
