package org.linli.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linli.drivers.model.DeviceType;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the composed site file against the shape of {@link SiteConfig} (its records, their keys and value types,
 * read by reflection so that the records stay the one definition of the format) and collects EVERY unknown key, value
 * of the wrong type and unknown vocabulary value, each at the line and column of the key or value itself. What is
 * right is copied into a Jackson tree, which then binds without error, so that the semantic checks run on the rest of
 * the file: a typo in one place does not hide the problems of another.
 * <p>
 * One instance per file; runs on the loading thread. Aliases are followed; {@link #MAX_NODES} bounds what they may
 * expand to.
 */
final class SiteFileShape {
    /** Nodes visited at most: a 4 MiB file has far fewer; only aliases of aliases could go past it. */
    static final int MAX_NODES = 2_000_000;
    /** Keys that were removed, by path, with what to do instead: refused with that advice, not as a mere typo. */
    private static final Map<String, String> REMOVED = Map.of(
            "influx.maxBufferedPoints", "was removed (the disk queue is bounded by queue.maxBytes, docs/QUEUE.md): "
                    + "delete the line");

    /** List items labelled by a key of theirs in paths, as the semantic checks write them: devices[3] (gas-3-2-501). */
    private static final Map<String, String> LABELS = Map.of("devices", "id", "cameras.devices", "id",
            "notify.channels", "id", "serial.buses", "name", "influx.targets", "name");

    private final List<SiteProblem> problems = new ArrayList<>();
    private final Set<String> covered = new HashSet<>();
    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private int nodes;

    /**
     * The problems found, the tree of what is well-formed, to bind, and the settings those problems are about (paths
     * without labels, a misspelt key's likely intent included): a semantic problem about one of them, or about the
     * entry holding one, only repeats what was found ("clientId: missing" beside "unknown key 'clientID'").
     */
    record Checked(JsonNode tree, List<SiteProblem> problems, Set<String> covered) {
        /**
         * Whether a semantic problem at {@code path} follows from a problem found here: one about the same setting,
         * about the entry holding it, or about anything inside a value that was refused.
         */
        boolean explains(String path) {
            String p = unlabelled(path);
            return covered.contains(p) || covered.stream().anyMatch(c -> parent(c).equals(p)
                    || p.startsWith(c + ".") || p.startsWith(c + "["));
        }
    }

    static Checked check(Node root) {
        SiteFileShape shape = new SiteFileShape();
        JsonNode tree = shape.value(root, SiteConfig.class, "");
        return new Checked(tree == null ? shape.json.objectNode() : tree, shape.problems, shape.covered);
    }

    /** The path without the labels of list items: devices[3] (gas-3-2-501).type becomes devices[3].type. */
    static String unlabelled(String path) {
        return path.replaceAll(" \\([^)]*\\)", "");
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** {@code node} as a value of {@code type}; null (and a problem recorded) when it is not one. */
    private JsonNode value(Node node, Type type, String path) {
        if (++nodes > MAX_NODES) {
            if (nodes == MAX_NODES + 1) {
                problems.add(at(node.getStartMark(), path, "the file's aliases expand to more than "
                        + MAX_NODES + " values"));
            }
            return null;
        }
        if (isNull(node)) {
            return NullNode.getInstance();
        }
        Class<?> raw = raw(type);
        if (raw == List.class) {
            return list(node, ((ParameterizedType) type).getActualTypeArguments()[0], path);
        }
        if (raw == Map.class) {
            return map(node, ((ParameterizedType) type).getActualTypeArguments()[1], path);
        }
        if (raw.isRecord()) {
            return record(node, raw, path);
        }
        if (!(node instanceof ScalarNode scalar)) {
            return wrong(node, type, path);
        }
        return scalar(scalar, raw, path);
    }

    private JsonNode list(Node node, Type item, String path) {
        if (!(node instanceof SequenceNode seq)) {
            return refused(node, path, "expected a list of " + ValueNames.plural(raw(item)) + ", got " + ValueNames.got(node)
                    + (node instanceof ScalarNode ? " (write a list as [a, b], or one '- ' line per entry)" : ""));
        }
        ArrayNode out = json.arrayNode();
        String labelKey = LABELS.get(path);
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node n = seq.getValue().get(i);
            String itemPath = path + "[" + i + "]" + (labelKey == null ? "" : label(n, labelKey));
            JsonNode v;
            if (isNull(n)) {
                problems.add(at(n.getStartMark(), itemPath, "an empty entry: fill it in or delete the line"));
                v = null;
            } else {
                v = value(n, item, itemPath);
            }
            if (v != null) {
                out.add(v);
            } else if (raw(item).isRecord()) {
                // an empty entry in its place keeps the later entries' indices those of the file; the semantic
                // problems of this one ("id: missing") follow from the problem found and are not listed
                out.add(json.objectNode());
            }
        }
        return out;
    }

    /** Whether {@code type} may also be written as one word: it has a delegating {@code @JsonCreator} taking a String. */
    private static boolean writtenAsText(Class<?> type) {
        for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
            com.fasterxml.jackson.annotation.JsonCreator c =
                    m.getAnnotation(com.fasterxml.jackson.annotation.JsonCreator.class);
            if (c != null && c.mode() == com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING
                    && java.lang.reflect.Modifier.isStatic(m.getModifiers())
                    && m.getParameterCount() == 1 && m.getParameterTypes()[0] == String.class) {
                return true;
            }
        }
        return false;
    }

    private JsonNode map(Node node, Type valueType, String path) {
        if (!(node instanceof MappingNode mapping)) {
            return wrong(node, Map.class, path, "keys with their settings");
        }
        ObjectNode out = json.objectNode();
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                problems.add(at(t.getKeyNode().getStartMark(), path, "a key must be a plain word, not a list or mapping"));
                continue;
            }
            String keyPath = join(path, key.getValue());
            if (isNull(t.getValueNode())) {
                problems.add(at(key.getStartMark(), keyPath, "no value given"));
                continue;
            }
            JsonNode v = value(t.getValueNode(), valueType, keyPath);
            if (v != null && !out.has(key.getValue())) {
                out.set(key.getValue(), v);
            }
        }
        return out;
    }

    private JsonNode record(Node node, Class<?> type, String path) {
        Map<String, Type> keys = keys(type);
        if (node instanceof ScalarNode scalar && writtenAsText(type)) {
            return json.textNode(scalar.getValue());   // e.g. an area written as its id alone: AreaConfig.of(String)
        }
        if (!(node instanceof MappingNode mapping)) {
            return wrong(node, type, path, ValueNames.singular(type) + " (keys " + String.join(", ", new TreeSet<>(keys.keySet())) + ")");
        }
        ObjectNode out = json.objectNode();
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                problems.add(at(t.getKeyNode().getStartMark(), path, "a key must be a plain word, not a list or mapping"));
                continue;
            }
            String name = key.getValue();
            String keyPath = join(path, name);
            Type valueType = keys.get(name);
            if (valueType == null) {
                problems.add(at(key.getStartMark(), keyPath, unknownKey(name, keyPath, keys.keySet())));
                continue;
            }
            JsonNode v = value(t.getValueNode(), valueType, keyPath);
            if (v != null && !out.has(name)) { // a duplicate key is reported by DuplicateKeys; the first one counts
                out.set(name, v);
            }
        }
        return out;
    }

    /** " (gas-3-2-501)" when the item has that key with a plain value, else "". */
    private static String label(Node item, String key) {
        if (item instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key) && t.getValueNode() instanceof ScalarNode v) {
                    return " (" + v.getValue() + ")";
                }
            }
        }
        return "";
    }

    private String unknownKey(String name, String path, Set<String> allowed) {
        KeySuggestion.closest(name, allowed).ifPresent(k -> covered.add(parent(unlabelled(path)) + "." + k));
        String removed = REMOVED.get(path.replaceAll("\\[\\d+]", ""));
        if (removed != null) {
            return removed;
        }
        return "unknown key '" + name + "' (" + KeySuggestion.hint(name, allowed) + "allowed: "
                + String.join(", ", new TreeSet<>(allowed)) + ")";
    }

    private JsonNode scalar(ScalarNode node, Class<?> type, String path) {
        String text = node.getValue();
        if (type == String.class) {
            return json.textNode(text);
        }
        if (type == DeviceType.class) {
            try {
                return json.textNode(DeviceType.fromId(text.trim()).id());
            } catch (IllegalArgumentException e) {
                List<String> ids = List.of(DeviceType.ids().split(",\\s*"));
                return refused(node, path, "unknown device type '" + text + "' (" + KeySuggestion.hint(text, ids)
                        + "allowed: " + String.join(", ", ids) + ")");
            }
        }
        if (type.isEnum() && ConfigEnums.Written.class.isAssignableFrom(type)) {
            return vocabulary(node, type, path);
        }
        String number = text.strip().replace("_", "");
        try {
            if (type == Integer.class || type == int.class) {
                return json.numberNode(Integer.parseInt(number));
            }
            if (type == Long.class || type == long.class) {
                return json.numberNode(Long.parseLong(number));
            }
            if (type == Double.class || type == double.class) {
                double d = Double.parseDouble(number);
                return Double.isFinite(d) ? json.numberNode(d) : wrong(node, type, path);
            }
        } catch (NumberFormatException e) {
            return wrong(node, type, path);
        }
        if (type == Boolean.class || type == boolean.class) {
            return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "on" -> json.booleanNode(true);
                case "false", "no", "off" -> json.booleanNode(false);
                default -> wrong(node, type, path);
            };
        }
        return wrong(node, type, path);
    }

    /** A value of one of the file's small vocabularies, checked by the enum's own reader (its {@code fromId}). */
    private JsonNode vocabulary(ScalarNode node, Class<?> type, String path) {
        try {
            Method fromId = type.getMethod("fromId", String.class);
            fromId.invoke(null, node.getValue());
            return json.textNode(node.getValue());
        } catch (java.lang.reflect.InvocationTargetException e) {
            List<String> ids = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                ids.add(((ConfigEnums.Written) c).id());
            }
            String what = e.getCause().getMessage().replaceFirst(" '.*", "");
            return refused(node, path, what + " '" + node.getValue() + "' (" + KeySuggestion.hint(node.getValue(), ids)
                    + "allowed: " + String.join(", ", ids) + ")");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " has no public static fromId(String)", e);
        }
    }

    private JsonNode wrong(Node node, Type type, String path) {
        return wrong(node, raw(type), path, ValueNames.expected(raw(type)));
    }

    private JsonNode wrong(Node node, Class<?> type, String path, String expected) {
        return refused(node, path, "expected " + expected + ", got " + ValueNames.got(node));
    }

    private JsonNode refused(Node node, String path, String message) {
        problems.add(at(node.getStartMark(), path, message));
        return null;
    }

    /** The keys of a record as written in the file ({@code @JsonProperty} renames), with their types. */
    private static Map<String, Type> keys(Class<?> type) {
        Map<String, Type> keys = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            JsonProperty renamed = c.getAccessor().getAnnotation(JsonProperty.class); // not kept on the component
            keys.put(renamed != null && !renamed.value().isEmpty() ? renamed.value() : c.getName(), c.getGenericType());
        }
        return keys;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private SiteProblem at(Mark mark, String path, String message) {
        covered.add(unlabelled(path));
        return new SiteProblem(mark.getLine() + 1, mark.getColumn() + 1, path, message);
    }

}
