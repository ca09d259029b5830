package org.linli.gateway.config;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.Optional;

/**
 * Finds where a setting named by its path ({@code devices[3] (gas-3-2-501).location}, {@code rules.gasByProfile.x})
 * is written in the composed file, so that the semantic checks, which know paths, are listed at their lines too. A
 * path is followed as far as the file has it: a missing key is placed at its parent (where it should be added). The
 * {@code " (id)"} after an index is a label for people and is skipped. Any thread; the tree is not modified.
 */
final class NodePaths {
    private final Node root;

    NodePaths(Node root) {
        this.root = root;
    }

    /** Where {@code path} (or the deepest part of it the file has) is written; empty when not even its first key is. */
    Optional<Mark> find(String path) {
        Node node = root;
        Mark found = null;
        String rest = path;
        while (!rest.isEmpty() && node != null) {
            if (rest.startsWith(" (")) { // a label: skip to its closing parenthesis
                int close = rest.indexOf(')');
                rest = close < 0 ? "" : rest.substring(close + 1);
                continue;
            }
            if (rest.startsWith(".")) {
                rest = rest.substring(1);
                continue;
            }
            if (rest.startsWith("[") && node instanceof SequenceNode seq) {
                int close = rest.indexOf(']');
                int index = parse(rest.substring(1, Math.max(1, close)));
                if (close < 0 || index < 0 || index >= seq.getValue().size()) {
                    break;
                }
                node = seq.getValue().get(index);
                found = node.getStartMark();
                rest = rest.substring(close + 1);
                continue;
            }
            if (!(node instanceof MappingNode mapping)) {
                break;
            }
            NodeTuple entry = longestKey(mapping, rest);
            if (entry == null) {
                break;
            }
            String key = ((ScalarNode) entry.getKeyNode()).getValue();
            found = entry.getKeyNode().getStartMark();
            node = entry.getValueNode();
            rest = rest.substring(key.length());
        }
        return Optional.ofNullable(found);
    }

    /** The entry whose key starts {@code rest} and is followed by the end, '.', '[' or " (": the longest such key. */
    private static NodeTuple longestKey(MappingNode mapping, String rest) {
        NodeTuple best = null;
        int bestLength = -1;
        for (NodeTuple t : mapping.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && rest.startsWith(k.getValue()) && k.getValue().length() > bestLength) {
                String after = rest.substring(k.getValue().length());
                if (after.isEmpty() || after.startsWith(".") || after.startsWith("[") || after.startsWith(" (")) {
                    best = t;
                    bestLength = k.getValue().length();
                }
            }
        }
        return best;
    }

    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
