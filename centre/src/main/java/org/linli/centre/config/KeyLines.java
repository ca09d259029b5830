package org.linli.centre.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/**
 * Finds the line and column of a key from Jackson's path to it, in SnakeYAML's node tree (which keeps every node's
 * position): Jackson binding records buffers a whole mapping, so its own location points past the mapping. Stateless.
 */
final class KeyLines {
    private KeyLines() {
    }

    /** "line L, column C: " of the key at {@code path}, or "" when it cannot be found. */
    static String of(String yaml, List<JsonMappingException.Reference> path) {
        try {
            Node node = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
            Node keyNode = null;
            for (JsonMappingException.Reference ref : path) {
                if (ref.getFieldName() != null && node instanceof MappingNode m) {
                    Optional<NodeTuple> t = m.getValue().stream().filter(x -> x.getKeyNode() instanceof ScalarNode s
                            && s.getValue().equals(ref.getFieldName())).findFirst();
                    if (t.isEmpty()) {
                        return "";
                    }
                    keyNode = t.get().getKeyNode();
                    node = t.get().getValueNode();
                } else if (ref.getIndex() >= 0 && node instanceof SequenceNode s
                        && ref.getIndex() < s.getValue().size()) {
                    node = s.getValue().get(ref.getIndex());
                    keyNode = node;
                } else {
                    return "";
                }
            }
            return keyNode == null ? "" : "line " + (keyNode.getStartMark().getLine() + 1) + ", column "
                    + (keyNode.getStartMark().getColumn() + 1) + ": ";
        } catch (RuntimeException e) {
            return "";
        }
    }
}
