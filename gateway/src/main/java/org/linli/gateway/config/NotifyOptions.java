package org.linli.gateway.config;

import java.util.List;

/**
 * Where alerts are delivered (docs/NOTIFY.md): chat robots, webhooks and the MQTT alerts topic, each a channel with
 * its own rate limit. {@code digestWindowSeconds}: how long minor alerts are collected before one digest message;
 * {@code repeatQuietMinutes}: a repeat of an open alert notifies again only after this long without a notification;
 * {@code consoleUrl}: when set, messages link to {@code <consoleUrl>/alerts/<id>} instead of the API.
 */
public record NotifyOptions(
        List<NotifyChannelOptions> channels,
        Integer digestWindowSeconds,
        Integer repeatQuietMinutes,
        String consoleUrl) {

    public NotifyOptions {
        channels = channels == null ? List.of() : List.copyOf(channels);
        digestWindowSeconds = digestWindowSeconds == null ? 60 : digestWindowSeconds;
        repeatQuietMinutes = repeatQuietMinutes == null ? 30 : repeatQuietMinutes;
    }
}
