package org.linli.gateway.notify;

import org.linli.gateway.alert.Alert;

import java.util.List;

/**
 * One message to deliver: a single alert, or a digest of several minor ones. {@code repeat} marks a reminder for an
 * alert already notified (it repeated after a quiet period); {@code forwardedFrom} names the channel that failed or
 * was blocked when this notice came to its fallback (a forwarded notice is never forwarded again).
 */
record Notice(List<Alert> alerts, boolean lifeSafety, boolean repeat, String forwardedFrom) {
    Notice {
        alerts = List.copyOf(alerts);
    }

    static Notice single(Alert a, boolean repeat) {
        return new Notice(List.of(a), a.severity().isLifeSafety(), repeat, null);
    }

    static Notice digest(List<Alert> alerts) {
        return new Notice(alerts, false, false, null);
    }

    boolean isDigest() {
        return alerts.size() > 1;
    }

    Alert first() {
        return alerts.get(0);
    }

    Notice forwardedFrom(String channelId) {
        return new Notice(alerts, lifeSafety, repeat, channelId);
    }
}
