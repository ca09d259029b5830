package org.linli.gateway.config;

import org.linli.drivers.model.DeviceType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Semantic checks a YAML schema cannot express: references resolve (device → household, grid → building,
 * device → profile), ids are unique, secrets are present, every building with devices has a grid worker.
 * Collects every problem rather than stopping at the first, so an installer fixes the file in one pass. Checks that
 * need a domain package's knowledge are {@link SiteCheck}s run after this one (config depends on no gateway package).
 */
final class ConfigValidator {
    /** mqtt.maxPacketSizeBytes: room for a small payload and its topic, up to MQTT's largest packet. */
    private static final int MIN_PACKET_SIZE_BYTES = 1024;
    private static final int MAX_PACKET_SIZE_BYTES = 268_435_460;
    /** mqtt.maxInFlight: MQTT 5's Receive Maximum is a 16-bit number of at least 1. */
    private static final int MAX_IN_FLIGHT = 65_535;

    private final Map<String, DeviceType> profiles;
    private final Function<String, String> env;
    private final Function<String, String> where;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param where the place of a path in the file, for "first at line 12" in a duplicate's problem: "line 12", or
     *              the path itself when the file does not place it
     */
    ConfigValidator(Map<String, DeviceType> profiles, Function<String, String> env, Function<String, String> where) {
        this.profiles = profiles;
        this.env = env;
        this.where = where;
    }

    /** Every problem, as "path: what is wrong". */
    List<String> validate(SiteConfig c) {
        if (c.site() == null) {
            problem("site", "missing: describe the street, community, compound and its buildings");
            return problems;
        }
        Map<String, Places> places = checkSite(c.site());
        Set<String> gridded = checkGrids(c.grids(), places.keySet());
        Map<String, String> deviceIds = checkDevices(c.devices(), places, gridded);
        new CameraSectionValidator(env, this::problem, (text, at) -> checkLocation(text, at, places, gridded), where)
                .validate(c.cameras(), deviceIds);
        new SerialConfigValidator(this::problem, where).validate(c.serial(), c.devices(), places.keySet());
        checkMqtt(c.mqtt());
        new InfluxValidator(env, this::problem).validate(c.influx());
        Set<String> gridIds = new HashSet<>();
        c.grids().forEach(g -> gridIds.add(g.id()));
        new NotifyValidator(env, this::problem, where).validate(c.notifications(), gridIds);
        checkQueue(c.queue());
        checkPipeline(c.pipeline());
        new UplinkValidator(env, this::problem).validate(c.uplink());
        problems.addAll(c.storage().problems());
        if (c.http().port() < 0 || c.http().port() > 65535) {
            problem("http.port", "must be 0..65535, got " + c.http().port());
        }
        checkHttpTls(c.http());
        problems.addAll(UsersValidator.check(c.users(), c.grids(), where));
        new RulesValidator(profiles.keySet(), key -> knownHousehold(places, key), this::problem).check(c.rules());
        return problems;
    }

    private static boolean knownHousehold(Map<String, Places> places, String key) {
        String[] parts = key.split("-", -1);
        Places p = parts.length == 3 ? places.get(parts[0]) : null;
        return p != null && p.households().contains(parts[1] + "-" + parts[2]);
    }

    /**
     * Units, households ("unit-flat") and areas known per building, and per unit the flats it has in words
     * ("101–602", "302, 501"), for the hint when a location names a flat that is not there.
     */
    private record Places(Set<String> units, Set<String> households, Set<String> areas, Map<String, String> flats) {
        String unitList() {
            return String.join(", ", new java.util.TreeSet<>(units));
        }
    }

    private Map<String, Places> checkSite(CompoundConfig site) {
        require(site.compound(), "site.compound");
        if (site.buildings().isEmpty()) {
            problem("site.buildings", "no buildings listed");
        }
        Map<String, Places> places = new HashMap<>();
        Map<String, String> firstPath = new HashMap<>();
        for (int i = 0; i < site.buildings().size(); i++) {
            BuildingConfig b = site.buildings().get(i);
            String at = "site.buildings[" + i + "]";
            if (!validId(b.id(), at + ".id")) {
                continue;
            }
            if (places.containsKey(b.id())) {
                problem(at + ".id", "building '" + b.id() + "' is listed twice; first at " + where.apply(firstPath.get(b.id())));
                continue;
            }
            firstPath.put(b.id(), at + ".id");
            Places p = new Places(new HashSet<>(), new HashSet<>(), new java.util.LinkedHashSet<>(b.areaIds()), new HashMap<>());
            Map<String, String> unitPaths = new HashMap<>();
            places.put(b.id(), p);
            for (int j = 0; j < b.units().size(); j++) {
                checkUnit(b.units().get(j), at + ".units[" + j + "]", p, unitPaths);
            }
        }
        return places;
    }

    private void checkUnit(UnitConfig u, String at, Places p, Map<String, String> unitPaths) {
        if (!validId(u.id(), at + ".id")) {
            return;
        }
        if (!p.units().add(u.id())) {
            problem(at + ".id", "unit '" + u.id() + "' is listed twice in this building; first at "
                    + where.apply(unitPaths.get(u.id())));
        }
        unitPaths.putIfAbsent(u.id(), at + ".id");
        List<String> flats = new ArrayList<>();
        if ((u.floors() == null) != (u.flatsPerFloor() == null)) {
            problem(at, "floors and flatsPerFloor go together: give both or neither");
        } else if (u.floors() != null) {
            if (u.floors() < 1 || u.floors() > 99 || u.flatsPerFloor() < 1 || u.flatsPerFloor() > 99) {
                problem(at, "floors and flatsPerFloor must be 1..99");
            } else {
                for (int f = 1; f <= u.floors(); f++) {
                    for (int n = 1; n <= u.flatsPerFloor(); n++) {
                        p.households().add(u.id() + "-" + LocationText.flatNumber(f, n));
                    }
                }
                flats.add(LocationText.flatNumber(1, 1) + "–" + LocationText.flatNumber(u.floors(), u.flatsPerFloor()));
            }
        }
        Map<String, String> listed = new HashMap<>();
        for (int k = 0; k < u.households().size(); k++) {
            HouseholdConfig h = u.households().get(k);
            String hat = at + ".households[" + k + "]";
            if (!validId(h.id(), hat + ".id")) {
                continue;
            }
            if (listed.containsKey(h.id())) {
                problem(hat + ".id", "household '" + h.id() + "' is listed twice in this unit; first at "
                        + where.apply(listed.get(h.id())));
            }
            listed.putIfAbsent(h.id(), hat + ".id");
            if (p.households().add(u.id() + "-" + h.id())) {
                flats.add(h.id());
            }
            for (int m = 0; m < h.contacts().size(); m++) {
                require(h.contacts().get(m).phone(), hat + ".contacts[" + m + "].phone");
            }
        }
        p.flats().merge(u.id(), String.join(", ", flats), (a, b) -> a + ", " + b);
    }

    private Set<String> checkGrids(List<GridConfig> grids, Set<String> buildings) {
        Map<String, String> ids = new HashMap<>();
        Map<String, String> owner = new HashMap<>();
        for (int i = 0; i < grids.size(); i++) {
            GridConfig g = grids.get(i);
            String at = "grids[" + i + "]";
            // grid ids never appear inside a location, so unlike building/unit/flat ids they may contain '-'
            if (require(g.id(), at + ".id") && ids.putIfAbsent(g.id(), at + ".id") != null) {
                problem(at + ".id", "grid '" + g.id() + "' is listed twice; first at " + where.apply(ids.get(g.id())));
            }
            if (g.worker() == null) {
                problem(at + ".worker", "missing: every grid needs a grid worker (id, name, phone)");
            } else {
                require(g.worker().id(), at + ".worker.id");
                require(g.worker().name(), at + ".worker.name");
            }
            for (String b : g.buildings()) {
                if (!buildings.contains(b)) {
                    problem(at + ".buildings", "building '" + b + "' is not in site.buildings");
                } else if (owner.containsKey(b)) {
                    problem(at + ".buildings", "building '" + b + "' is already in grid '" + owner.get(b)
                            + "': a building belongs to one grid");
                } else {
                    owner.put(b, g.id());
                }
            }
        }
        return owner.keySet();
    }

    /** Checks the devices; returns their ids, each with the path of its first use. */
    private Map<String, String> checkDevices(List<DeviceConfig> devices, Map<String, Places> places, Set<String> gridded) {
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            DeviceConfig d = devices.get(i);
            String at = SiteCheck.devicePath(i, d);
            if (require(d.id(), at + ".id") && ids.putIfAbsent(d.id(), at + ".id") != null) {
                problem(at + ".id", "device id '" + d.id() + "' is listed twice; first at " + where.apply(ids.get(d.id())));
            }
            DeviceType type = d.type();
            if (type == null) {
                problem(at + ".type", "missing: one of " + DeviceType.ids());
            }
            boolean mqtt = d.transport() == Transport.MQTT;
            if (mqtt && require(d.profile(), at + ".profile")) {
                DeviceType profileType = profiles.get(d.profile());
                if (profileType == null) {
                    problem(at + ".profile", "unknown vendor profile '" + d.profile() + "' ("
                            + KeySuggestion.hint(d.profile(), profiles.keySet()) + "known: "
                            + String.join(", ", new java.util.TreeSet<>(profiles.keySet())) + ")");
                } else if (type != null && profileType != type) {
                    problem(at + ".profile", "profile '" + d.profile() + "' decodes " + profileType.id()
                            + " messages but the device is a " + type.id());
                }
            }
            if (require(d.location(), at + ".location")) {
                checkLocation(d.location(), at + ".location", places, gridded);
            }
        }
        return ids;
    }

    private void checkLocation(String text, String at, Map<String, Places> places, Set<String> gridded) {
        LocationText loc;
        try {
            loc = LocationText.parse(text);
        } catch (IllegalArgumentException e) {
            problem(at, e.getMessage());
            return;
        }
        Places p = places.get(loc.building());
        if (p == null) {
            problem(at, "building '" + loc.building() + "' is not in site.buildings");
            return;
        }
        if (loc.area() != null && !p.areas().contains(loc.area())) {
            problem(at, "building " + loc.building() + " has no area '" + loc.area() + "' ("
                    + (p.areas().isEmpty() ? "it lists no areas" : KeySuggestion.hint(loc.area(), p.areas()) + "its areas: "
                    + String.join(", ", p.areas())) + ")");
        } else if (loc.unit() != null && !p.units().contains(loc.unit())) {
            problem(at, "building " + loc.building() + " has no unit '" + loc.unit() + "' (building " + loc.building()
                    + (p.units().isEmpty() ? " lists no units" : " has units " + p.unitList()) + ")");
        } else if (loc.household() != null && !p.households().contains(loc.unit() + "-" + loc.household())) {
            String flats = p.flats().getOrDefault(loc.unit(), "");
            flats = flats.length() > 80 ? flats.substring(0, flats.lastIndexOf(", ", 80)) + ", …" : flats;
            problem(at, "unit " + loc.building() + "-" + loc.unit() + " has no flat '" + loc.household() + "' ("
                    + (flats.isEmpty() ? "it declares no flats" : "its flats: " + flats)
                    + "): list the flat under the unit's households, or correct floors/flatsPerFloor");
        }
        if (!gridded.contains(loc.building())) {
            problem(at, "building " + loc.building() + " has devices but no grid covers it: alerts there would reach nobody");
        }
    }

    private void checkMqtt(MqttOptions m) {
        if (m == null) {
            problem("mqtt", "missing: the broker connection (url, clientId)");
            return;
        }
        if (require(m.url(), "mqtt.url") && !m.url().matches("(tcp|ssl|ws|wss)://.+:\\d+")) {
            problem("mqtt.url", "'" + m.url() + "' is not of the form tcp://host:port or ssl://host:port");
        }
        if (!"5".equals(m.version()) && !"3.1.1".equals(m.version())) {
            problem("mqtt.version", "must be \"5\" or \"3.1.1\", got '" + m.version() + "'");
        }
        require(m.clientId(), "mqtt.clientId");
        if (m.passwordEnv() != null && env.apply(m.passwordEnv()) == null) {
            problem("mqtt.passwordEnv", "environment variable " + m.passwordEnv() + " is not set");
        }
        if (m.reconnectMinDelayMs() < 1 || m.reconnectMaxDelayMs() < m.reconnectMinDelayMs()) {
            problem("mqtt.reconnect*DelayMs", "need 1 <= reconnectMinDelayMs <= reconnectMaxDelayMs");
        }
        if (m.maxPacketSizeBytes() < MIN_PACKET_SIZE_BYTES || m.maxPacketSizeBytes() > MAX_PACKET_SIZE_BYTES) {
            problem("mqtt.maxPacketSizeBytes", "must be between " + MIN_PACKET_SIZE_BYTES + " and " + MAX_PACKET_SIZE_BYTES
                    + " (MQTT's own limit), got " + m.maxPacketSizeBytes() + "; the default is "
                    + MqttOptions.DEFAULT_MAX_PACKET_SIZE_BYTES);
        }
        if (m.maxInFlight() < 1 || m.maxInFlight() > MAX_IN_FLIGHT) {
            problem("mqtt.maxInFlight", "must be between 1 and " + MAX_IN_FLIGHT + " (MQTT 5's Receive Maximum), got "
                    + m.maxInFlight() + "; the default is " + MqttOptions.DEFAULT_MAX_IN_FLIGHT);
        }
        checkMqttTls(m);
        for (int i = 0; i < m.subscriptions().size(); i++) {
            SubscriptionOptions s = m.subscriptions().get(i);
            String at = "mqtt.subscriptions[" + i + "]";
            if (require(s.profile(), at + ".profile") && !profiles.containsKey(s.profile())) {
                problem(at + ".profile", "unknown vendor profile '" + s.profile() + "'");
            }
            if (s.qos() < 1 || s.qos() > 2) {
                problem(at + ".qos", "must be 1 or 2: device topics carry alarms, and alarms must not be lost (QoS 0 can drop them)");
            }
            if (s.expectedIntervalSeconds() < 1 || s.missedIntervals() < 1) {
                problem(at, "expectedIntervalSeconds and missedIntervals must be positive");
            }
        }
    }

    private void checkMqttTls(MqttOptions m) {
        MqttTlsOptions t = m.tls();
        if (t == null) {
            return;
        }
        if (m.url() != null && !m.usesTls()) {
            problem("mqtt.tls", "set, but mqtt.url '" + m.url() + "' is not ssl://host:port (8883 is the usual TLS port)");
        }
        readableFile(t.caFile(), "mqtt.tls.caFile");
        if ((t.certFile() == null) != (t.keyFile() == null)) {
            problem("mqtt.tls", "certFile and keyFile go together (a client certificate and its key), or neither");
        }
        readableFile(t.certFile(), "mqtt.tls.certFile");
        readableFile(t.keyFile(), "mqtt.tls.keyFile");
        if (t.keyPasswordEnv() != null && env.apply(t.keyPasswordEnv()) == null) {
            problem("mqtt.tls.keyPasswordEnv", "environment variable " + t.keyPasswordEnv() + " is not set");
        }
    }

    private void checkHttpTls(HttpOptions h) {
        if ((h.tlsCertFile() == null) != (h.tlsKeyFile() == null)) {
            problem("http", "tlsCertFile and tlsKeyFile go together (HTTPS needs the certificate and its key), or neither");
        }
        readableFile(h.tlsCertFile(), "http.tlsCertFile");
        readableFile(h.tlsKeyFile(), "http.tlsKeyFile");
    }

    /** A PEM file named in the config: absent is fine (optional), named but unreadable is a problem. */
    private void readableFile(String file, String at) {
        if (file == null) {
            return;
        }
        try {
            if (!java.nio.file.Files.isReadable(java.nio.file.Path.of(file))) {
                problem(at, "cannot read '" + file + "' (missing, or not readable by this user)");
            }
        } catch (java.nio.file.InvalidPathException e) { // e.g. a NUL written as "\0" in a quoted YAML string
            problem(at, "not a valid file path: " + e.getReason());
        }
    }

    private void checkPipeline(PipelineOptions p) {
        if (p.decodeThreads() != null && (p.decodeThreads() < 1 || p.decodeThreads() > PipelineOptions.MAX_THREADS)) {
            problem("pipeline.decodeThreads", "must be 1.." + PipelineOptions.MAX_THREADS + ", got " + p.decodeThreads()
                    + "; leave it out for the default (the cores, at most " + PipelineOptions.DEFAULT_MAX_THREADS + ")");
        }
    }

    private void checkQueue(QueueOptions q) {
        if (q.segmentBytes() < 4096) {
            problem("queue.segmentBytes", "must be at least 4096, got " + q.segmentBytes());
        }
        if (q.maxBytes() < 4 * q.segmentBytes()) {
            problem("queue.maxBytes", "must be at least 4 x queue.segmentBytes (" + 4 * q.segmentBytes()
                    + "): the quota is enforced by dropping whole segments, got " + q.maxBytes());
        }
        if (q.fsyncEveryMs() < 0 || q.fsyncEveryMs() > 1000) {
            problem("queue.fsyncEveryMs", "must be 0..1000 (it delays every MQTT acknowledgement), got " + q.fsyncEveryMs());
        }
        if (q.readyMaxAgeSeconds() < 1) {
            problem("queue.readyMaxAgeSeconds", "must be at least 1 (seconds of failing writes before /health/ready "
                    + "answers 503), got " + q.readyMaxAgeSeconds());
        }
    }

    private boolean validId(String id, String at) {
        if (!require(id, at)) {
            return false;
        }
        if (id.contains("-") || id.contains(":") || id.isBlank()) {
            problem(at, "'" + id + "' may not contain '-' or ':' (they separate building, unit and flat in locations)");
            return false;
        }
        return true;
    }

    private boolean require(String value, String at) {
        if (value == null || value.isBlank()) {
            problem(at, "missing");
            return false;
        }
        return true;
    }

    private void problem(String at, String what) {
        problems.add(at + ": " + what);
    }
}
