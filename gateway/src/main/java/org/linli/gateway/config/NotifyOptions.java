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

    /** No delivery channels: the section's default when the file has none. */
    public static NotifyOptions none() {
        return new NotifyOptions(List.of(), null, null, null);
    }

    /** These channels, every other setting at its default. */
    public static NotifyOptions of(List<NotifyChannelOptions> channels) {
        return new NotifyOptions(channels, null, null, null);
    }

    public NotifyOptions withDigestWindowSeconds(int seconds) {
        return new NotifyOptions(channels, seconds, repeatQuietMinutes, consoleUrl);
    }

    public NotifyOptions withRepeatQuietMinutes(int minutes) {
        return new NotifyOptions(channels, digestWindowSeconds, minutes, consoleUrl);
    }

    public NotifyOptions withConsoleUrl(String url) {
        return new NotifyOptions(channels, digestWindowSeconds, repeatQuietMinutes, url);
    }

    /** Whether any channel is configured (without one, alerts are delivered on the MQTT alerts topic only). */
    public boolean hasChannels() {
        return !channels.isEmpty();
    }
}
