package org.linli.gateway.config;

import org.linli.drivers.model.DeviceType;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.Map;

/**
 * What a value of the site file is called in a problem, in an installer's words, never a Java class name: "a whole
 * number", "a list of units", "a unit". Stateless; any thread.
 */
final class ValueNames {
    /** The records of the site file by what an installer calls one of them. */
    private static final Map<Class<?>, String> RECORDS = Map.ofEntries(
            Map.entry(SiteConfig.class, "the site file's sections"),
            Map.entry(CompoundConfig.class, "the compound"),
            Map.entry(BuildingConfig.class, "a building"),
            Map.entry(UnitConfig.class, "a unit"),
            Map.entry(HouseholdConfig.class, "a household"),
            Map.entry(ContactConfig.class, "a contact"),
            Map.entry(PersonConfig.class, "a person"),
            Map.entry(GridConfig.class, "a grid"),
            Map.entry(DeviceConfig.class, "a device"),
            Map.entry(UserConfig.class, "a user"),
            Map.entry(NotifyChannelOptions.class, "a channel"),
            Map.entry(CameraConfig.class, "a camera"),
            Map.entry(TimeWindowConfig.class, "a time window"),
            Map.entry(SerialBusConfig.class, "a serial bus"),
            Map.entry(SubscriptionOptions.class, "a subscription"));

    private ValueNames() {
    }

    /** "a whole number", "a unit (keys ...)" is built by the caller for records. */
    static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum() || type == DeviceType.class) {
            return "a single value";
        }
        return singular(type);
    }

    /** "a unit", or "settings" for a section. */
    static String singular(Class<?> type) {
        String name = RECORDS.get(type);
        return name != null ? name : "settings";
    }

    /** "units", "texts", "numbers". */
    static String plural(Class<?> type) {
        if (type == String.class) {
            return "texts";
        }
        if (type == Integer.class || type == Long.class) {
            return "whole numbers";
        }
        String one = RECORDS.get(type);
        if (one == null) {
            return "entries";
        }
        String word = one.substring(one.indexOf(' ') + 1);
        return word.endsWith("s") ? word + "es" : word + "s";
    }

    /** What was written instead: "'six'", "a list", "keys with values". */
    static String got(Node node) {
        if (node instanceof ScalarNode s) {
            String v = s.getValue();
            return "'" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "'";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "keys with values (a mapping)";
        }
        return "something else";
    }
}
