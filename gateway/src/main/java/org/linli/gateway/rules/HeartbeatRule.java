package org.linli.gateway.rules;

import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertRequest;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.SiteDirectory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A device silent for its type's expected interval × N missed is offline. Silence is counted from the last message
 * (reading, event or heartbeat), from the gateway's start, or from the moment its parent connection came back,
 * whichever is latest: while the parent (broker connection, bus) is down nothing is raised for the devices behind
 * it, and after it returns they get a full interval to speak again. Clears when the device is heard again.
 */
public final class HeartbeatRule implements Rule {
    /** The last message's time in the 说明, in the compound's zone like every time a person reads (issue 14). */
    private static final java.time.format.DateTimeFormatter LOCAL =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SiteDirectory site;
    private final AlertService alerts;
    private final RuleThresholds thresholds;
    private final Function<String, Optional<Instant>> lastSeen;
    private final ParentStatus parents;
    private final Instant startedAt;
    private final Map<String, Instant> parentBackAt = new HashMap<>();
    private final Set<String> offline = new HashSet<>();
    /** Offline before a restart: cleared only once actually heard, not by the grace every device gets at start. */
    private final Set<String> resumed = new HashSet<>();

    public HeartbeatRule(SiteDirectory site, AlertService alerts, RuleThresholds thresholds,
                         Function<String, Optional<Instant>> lastSeen, ParentStatus parents, Instant startedAt) {
        this.site = site;
        this.alerts = alerts;
        this.thresholds = thresholds;
        this.lastSeen = lastSeen;
        this.parents = parents;
        this.startedAt = startedAt;
    }

    @Override
    public void resume(Set<AlertKey> activeKeys) {
        site.devices().stream().filter(d -> activeKeys.contains(AlertKey.device(d.id(), AlertType.DEVICE_OFFLINE)))
                .forEach(d -> {
                    offline.add(d.id());
                    resumed.add(d.id());
                });
    }

    @Override
    public void check(Instant now) {
        for (Device d : site.devices()) {
            Optional<Duration> limit = thresholds.silenceLimit(d);
            if (limit.isEmpty()) {
                continue;
            }
            if (!parents.isParentOnline(d)) {
                parentBackAt.put(d.id(), now); // the latest instant it was down: silence counts from here
                continue;
            }
            Instant since = latest(startedAt, lastSeen.apply(d.id()).orElse(null), parentBackAt.get(d.id()));
            boolean silent = Duration.between(since, now).compareTo(limit.get()) > 0;
            AlertKey key = AlertKey.device(d.id(), AlertType.DEVICE_OFFLINE);
            if (silent && offline.add(d.id())) {
                Severity severity = d.type().isLifeSafety() ? Severity.MAJOR : Severity.MINOR;
                alerts.raise(new AlertRequest(key, AlertType.DEVICE_OFFLINE, severity, d.location(), d,
                        "无消息超过 " + limit.get().toMinutes() + " 分钟（最后消息 " + LOCAL.format(since.atZone(site.zone()))
                                + "）"));
            } else if (!silent && offline.contains(d.id()) && (!resumed.contains(d.id()) || heardSince(d, startedAt))) {
                offline.remove(d.id());
                resumed.remove(d.id());
                alerts.clear(key);
            }
        }
    }

    private boolean heardSince(Device d, Instant t) {
        return lastSeen.apply(d.id()).map(seen -> seen.isAfter(t)).orElse(false);
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant m = a;
        for (Instant x : new Instant[]{b, c}) {
            if (x != null && x.isAfter(m)) {
                m = x;
            }
        }
        return m;
    }
}
