package org.linli.centre.picture;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.centre.site.CompoundRef;
import org.linli.centre.site.Topology;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The live picture of every compound of the site file: the highest version of each alert (keyed
 * {@code compound/id}; duplicates and older copies dropped, so redelivery and reordering are harmless), the last
 * summary of each compound and its reachability, with one centre alert {@code COMPOUND_UNREACHABLE} per dark spell.
 * The single owner of this state: every method runs on the centre's event loop.
 */
public final class Picture {
    private final Clock clock;
    private final Duration unreachableAfter;
    private final Instant startedAt;
    private final Map<String, CompoundHealth> health = new LinkedHashMap<>();
    /** compound id → (alert key → centre alert). */
    private final Map<String, Map<String, JsonObject>> alerts = new LinkedHashMap<>();
    private final List<PictureListener> listeners = new CopyOnWriteArrayList<>();
    private long dropped;
    private long centreAlertsRaised;

    public Picture(Topology topology, Clock clock, Duration unreachableAfter) {
        this.clock = clock;
        this.unreachableAfter = unreachableAfter;
        this.startedAt = clock.instant();
        for (CompoundRef c : topology.compounds()) {
            health.put(c.id(), new CompoundHealth(c));
            alerts.put(c.id(), new LinkedHashMap<>());
        }
    }

    public void listen(PictureListener l) {
        listeners.add(l);
    }

    /** The gateway's alert JSON plus the contract's centre fields: key, street, community, compoundId/Name, origin. */
    static JsonObject centreFields(CompoundRef c, JsonObject alert, String origin) {
        return alert.put("key", c.id() + "/" + alert.getString("id")).put("street", c.street())
                .put("community", c.community()).put("compoundId", c.id()).put("compoundName", c.name())
                .put("origin", origin);
    }

    /**
     * Takes an alert version from the compound's topic. Returns false (and changes nothing) for a version not newer
     * than the one held: a duplicate or an older copy. {@code alert} must have a string {@code id} and an int
     * {@code version} (the intake checks).
     */
    public boolean offerAlert(CompoundRef c, JsonObject alert) {
        String key = c.id() + "/" + alert.getString("id");
        Map<String, JsonObject> mine = alerts.get(c.id());
        JsonObject held = mine.get(key);
        if (held != null && held.getLong("version", 0L) >= alert.getLong("version")) {
            dropped++;
            return false;
        }
        JsonObject centre = centreFields(c, alert.copy(), "compound");
        mine.put(key, centre);
        listeners.forEach(l -> l.onAlert(c, centre));
        fireCompound(health.get(c.id()));
        return true;
    }

    /**
     * Takes a summary (or the will). {@code retained}: delivered from the broker's retained copy at subscribe, so it
     * may be old: the compound is then counted as heard at the summary's own {@code at} (never later than now).
     */
    public void offerSummary(CompoundRef c, JsonObject summary, boolean retained) {
        CompoundHealth h = health.get(c.id());
        Instant now = clock.instant();
        boolean up = !Boolean.FALSE.equals(summary.getValue("reachable"));
        if (up) {
            h.summary = summary;
            h.lastHeardAt = retained ? heardAt(summary, now) : now;
            h.known = true;
            boolean fresh = !now.isAfter(h.lastHeardAt.plus(unreachableAfter));
            if (fresh) {
                becomeReachable(h, now);
            } else {
                becomeUnreachable(h, now, "最近一次状态报告 " + summary.getValue("at") + " 已超过 "
                        + unreachableAfter.toSeconds() + " 秒");
            }
        } else {
            h.known = true;
            if (h.summary == null) {
                h.summary = summary;
            } else {
                h.summary = h.summary.copy().put("reachable", false).put("at", summary.getValue("at"));
            }
            becomeUnreachable(h, now, "will".equals(summary.getValue("reason"))
                    ? "小区网关连接中断（遗嘱消息）" : "小区网关已停止（" + summary.getValue("reason") + "）");
        }
        fireCompound(h);
    }

    /**
     * The periodic check: a compound silent past the threshold (since its last summary, or since the centre
     * started) goes dark.
     */
    public void sweep() {
        Instant now = clock.instant();
        for (CompoundHealth h : health.values()) {
            Instant since = h.lastHeardAt != null ? h.lastHeardAt : startedAt;
            boolean silent = now.isAfter(since.plus(unreachableAfter));
            if (silent && (h.reachable || !h.known)) {
                h.known = true;
                becomeUnreachable(h, now, "超过 " + unreachableAfter.toSeconds() + " 秒未收到状态报告");
                fireCompound(h);
            }
        }
    }

    private void becomeReachable(CompoundHealth h, Instant now) {
        h.reachable = true;
        if (h.darkAlert != null) {
            JsonObject closed = CentreAlerts.closed(h.darkAlert, now);
            h.darkAlert = null;
            put(h.compound, closed);
        }
    }

    private void becomeUnreachable(CompoundHealth h, Instant now, String why) {
        h.reachable = false;
        if (h.darkAlert == null) {
            h.darkAlert = CentreAlerts.raised(h.compound, now, why);
            centreAlertsRaised++;
            put(h.compound, h.darkAlert);
        }
    }

    private void put(CompoundRef c, JsonObject centreAlert) {
        alerts.get(c.id()).put(centreAlert.getString("key"), centreAlert);
        listeners.forEach(l -> l.onAlert(c, centreAlert));
    }

    private void fireCompound(CompoundHealth h) {
        JsonObject json = healthJson(h);
        listeners.forEach(l -> l.onCompound(h.compound, json));
    }

    private static Instant heardAt(JsonObject summary, Instant now) {
        try {
            Instant at = Instant.parse(String.valueOf(summary.getValue("at")));
            return at.isAfter(now) ? now : at;
        } catch (DateTimeParseException e) {
            return now;
        }
    }

    public Optional<JsonObject> health(String compound) {
        return Optional.ofNullable(health.get(compound)).map(this::healthJson);
    }

    /** The compound's last summary as received (null before the first). */
    public JsonObject summary(String compound) {
        CompoundHealth h = health.get(compound);
        return h == null ? null : h.summary;
    }

    private JsonObject healthJson(CompoundHealth h) {
        Map<String, JsonObject> grids = new LinkedHashMap<>();
        int open = 0;
        for (JsonObject a : alerts.get(h.compound.id()).values()) {
            boolean isOpen = isOpen(a);
            if (isOpen && "compound".equals(a.getString("origin"))) {
                open++;
            }
            String grid = a.getValue("grid") instanceof String g ? g : null;
            if (grid != null) {
                JsonObject g = grids.computeIfAbsent(grid, id -> new JsonObject().put("id", id)
                        .put("name", a.getValue("gridName") instanceof String n ? n : id).put("openAlerts", 0));
                if (isOpen) {
                    g.put("openAlerts", g.getInteger("openAlerts") + 1);
                }
            }
        }
        return h.toJson(new JsonArray(new ArrayList<>(grids.values())), open);
    }

    /** Open = not CLOSED or DISMISSED. */
    public static boolean isOpen(JsonObject alert) {
        String s = String.valueOf(alert.getValue("state"));
        return !"CLOSED".equals(s) && !"DISMISSED".equals(s);
    }

    public Optional<JsonObject> alert(String compound, String id) {
        Map<String, JsonObject> mine = alerts.get(compound);
        return Optional.ofNullable(mine == null ? null : mine.get(compound + "/" + id));
    }

    /** Every alert passing {@code filter}, newest first (by raisedAt, then key). */
    public List<JsonObject> alerts(Predicate<JsonObject> filter) {
        List<JsonObject> out = new ArrayList<>();
        for (Map<String, JsonObject> m : alerts.values()) {
            for (JsonObject a : m.values()) {
                if (filter.test(a)) {
                    out.add(a);
                }
            }
        }
        out.sort(Comparator.comparing((JsonObject a) -> String.valueOf(a.getValue("raisedAt"))).reversed()
                .thenComparing(a -> a.getString("key")));
        return out;
    }

    public int alertCount() {
        return alerts.values().stream().mapToInt(Map::size).sum();
    }

    public long reachableCount() {
        return health.values().stream().filter(h -> h.known && h.reachable).count();
    }

    public long unreachableCount() {
        return health.values().stream().filter(h -> h.known && !h.reachable).count();
    }

    public long droppedVersions() {
        return dropped;
    }

    public long centreAlertsRaised() {
        return centreAlertsRaised;
    }
}
