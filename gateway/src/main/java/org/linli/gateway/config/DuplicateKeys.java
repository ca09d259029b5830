package org.linli.gateway.config;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every key written twice in one mapping, at any depth, naming the path and both lines. Jackson binds such a
 * file last-wins (a second {@code devices:} section replaced the first) and its strict mode names only one place,
 * so the document composed with SnakeYAML's node API ({@link SiteFileTree}), which keeps each key's position, is
 * searched before it is bound.
 * <p>
 * Aliases are not expanded: each node is visited once, so an alias bomb costs its size, not its expansion. A merge
 * key ({@code <<}) is an ordinary key here; the binding refuses it as unknown. Stateless; any thread.
 */
final class DuplicateKeys {
    /** Duplicates reported one by one; more are counted. A real mistake (a pasted second section) makes a few. */
    static final int MAX_REPORTED = 100;
    /** Characters of one key shown in a path, so that a problem stays one readable line. */
    private static final int MAX_KEY_SHOWN = 40;

    private DuplicateKeys() {
    }

    /** One problem per duplicate key in the order of the file, the first {@link #MAX_REPORTED} of them. */
    static List<SiteProblem> find(Node root) {
        Findings findings = new Findings();
        walk(root, null, findings, Collections.newSetFromMap(new IdentityHashMap<>()));
        return findings.all();
    }

    private static void walk(Node node, KeyPath path, Findings findings, Set<Node> visited) {
        if (!visited.add(node)) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Node> firstKeys = new HashMap<>();
            for (NodeTuple entry : mapping.getValue()) {
                String key = entry.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
                KeyPath childPath = key == null ? path : new KeyPath(path, key, -1);
                if (key != null) {
                    Node first = firstKeys.putIfAbsent(key, entry.getKeyNode());
                    if (first != null) {
                        findings.add(entry.getKeyNode().getStartMark(), first.getStartMark(), childPath);
                    }
                }
                walk(entry.getValueNode(), childPath, findings, visited);
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), new KeyPath(path, null, i), findings, visited);
            }
        }
    }

    /** Where a node sits, rendered only for a duplicate: building every path's string would cost depth x entries. */
    private record KeyPath(KeyPath parent, String key, int index) {
        String render() {
            String segment = key == null ? "[" + index + "]" : shorten(key);
            if (parent == null) {
                return segment;
            }
            return parent.render() + (key == null ? "" : ".") + segment;
        }

        private static String shorten(String key) {
            return key.length() <= MAX_KEY_SHOWN ? key : key.substring(0, MAX_KEY_SHOWN) + "…";
        }
    }

    /** The problems found, the first {@link #MAX_REPORTED} in full and a count of the rest. */
    private static final class Findings {
        final List<SiteProblem> problems = new ArrayList<>();
        int more;

        void add(Mark duplicate, Mark first, KeyPath path) {
            if (problems.size() < MAX_REPORTED) {
                problems.add(describe(duplicate, first, path.render()));
            } else {
                more++;
            }
        }

        List<SiteProblem> all() {
            if (more > 0) {
                problems.add(SiteProblem.unplaced("", String.format("%,d more duplicate keys", more)));
            }
            return problems;
        }
    }

    /** "line 48: devices: duplicate key; first at line 12", with columns when both are on one line. */
    private static SiteProblem describe(Mark duplicate, Mark first, String path) {
        boolean sameLine = duplicate.getLine() == first.getLine();
        return new SiteProblem(duplicate.getLine() + 1, sameLine ? duplicate.getColumn() + 1 : 0, path,
                "duplicate key; first at line " + (first.getLine() + 1) + (sameLine ? ", column " + (first.getColumn() + 1) : ""));
    }
}
