package org.linli.gateway.alert;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The names people read for what an alert refers to by id, taken from the site file when the alert is shown: the
 * grid's name ({@code grid-1} → 幸福里第一网格), the common area's name ({@code boiler-room} → 锅炉房), people's names
 * by id (for the {@code by} of history lines) and the compound's time zone, in which every time is shown. Not stored
 * with the alert: the alert service attaches them from the current site file to every alert it hands out, so a
 * renamed grid reads right on old alerts too. Immutable.
 */
public record AlertNames(String gridName, String areaName, Map<String, String> people, ZoneId zone) {
    /** No names known (an alert built by a test, or read straight from the store): ids are shown. */
    public static final AlertNames NONE = new AlertNames(null, null, Map.of(), ZoneId.of("Asia/Shanghai"));

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    public AlertNames {
        people = people == null ? Map.of() : Map.copyOf(people);
        zone = zone == null ? NONE.zone() : zone;
    }

    /** The name of the person with this id, or the id itself when it is nobody the site file names. */
    public String person(String id) {
        return id == null ? null : people.getOrDefault(id, id);
    }

    /** {@code 2026-12-05 10:13:51}: a date and time in the compound's zone, to the second. */
    public String local(Instant at) {
        return at == null ? null : LOCAL.format(at.atZone(zone));
    }

    /** {@code 10:13:51}: the time of day in the compound's zone. */
    public String clock(Instant at) {
        return at == null ? null : CLOCK.format(at.atZone(zone));
    }
}
