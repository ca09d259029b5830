package org.linli.gateway.config;

import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The site file composed into SnakeYAML's node tree (every node keeps its line and column), going on past syntax
 * errors: each error is recorded, the lines it spans (and the lines nested under them) are blanked, and the text is
 * composed again, so one run finds the syntax errors of several sections and the rest of the file can still be
 * checked. Blanked lines keep their line breaks, so every later mark is still the line in the installer's file.
 * <p>
 * Aliases are not expanded by composing. An exceeded bound of {@link SiteFileLimits} (aliases, nesting) stops at once:
 * such a file is hostile or broken beyond recovery. Stateless; any thread.
 */
final class SiteFileTree {
    /** Syntax errors recovered from before giving up: a file with more is pasted or mis-encoded, not mistyped. */
    static final int MAX_SYNTAX_ERRORS = 10;

    /** The composed tree (empty when nothing parsed, or the file is empty) and the syntax errors, in file order. */
    record Composed(Optional<Node> root, List<SiteProblem> syntaxErrors) {
    }

    private SiteFileTree() {
    }

    static Composed compose(String yaml) {
        List<SiteProblem> errors = new ArrayList<>();
        String[] lines = yaml.split("\r\n|[\r\n\u0085\u2028\u2029]", -1);
        String text = yaml;
        int lastErrorLine = -1;
        while (true) {
            try {
                Composer composer = new Composer(new ParserImpl(new StreamReader(text), SiteFileLimits.loaderOptions()),
                        new Resolver(), SiteFileLimits.loaderOptions());
                return new Composed(Optional.ofNullable(composer.getSingleNode()), errors);
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark();
                if (mark == null || mark.getLine() <= lastErrorLine || errors.size() >= MAX_SYNTAX_ERRORS
                        || isBound(e)) {
                    if (mark == null || mark.getLine() > lastErrorLine) {
                        errors.add(describe(e));
                    }
                    return new Composed(Optional.empty(), errors);
                }
                errors.add(describe(e));
                lastErrorLine = blank(lines, e);
                text = String.join("\n", lines);
            } catch (YAMLException e) {
                errors.add(SiteProblem.unplaced("", e.getMessage()));
                return new Composed(Optional.empty(), errors);
            }
        }
    }

    /** A bound of {@link SiteFileLimits} exceeded: not a typo to recover from. */
    private static boolean isBound(MarkedYAMLException e) {
        String problem = String.valueOf(e.getProblem()) + e.getContext();
        return problem.contains("Nesting Depth") || problem.contains("aliases") || problem.contains("single document");
    }

    /**
     * Blanks the lines of the error (from the start of an unclosed flow collection nearby, to the error) and the
     * lines nested under the first of them; returns the last line blanked (0-based).
     */
    private static int blank(String[] lines, MarkedYAMLException e) {
        int last = Math.min(e.getProblemMark().getLine(), lines.length - 1);
        int first = last;
        Mark context = e.getContextMark();
        if (context != null && String.valueOf(e.getContext()).contains("flow") && context.getLine() <= last
                && context.getLine() >= last - 10) {
            first = context.getLine();
        }
        int indent = indent(lines[first]);
        boolean opensBlock = lines[first].stripTrailing().endsWith(":");
        while (last + 1 < lines.length && (lines[last + 1].isBlank() || lines[last + 1].stripLeading().startsWith("#")
                || indent(lines[last + 1]) > indent
                || opensBlock && indent(lines[last + 1]) == indent && lines[last + 1].stripLeading().startsWith("-"))) {
            last++;
        }
        for (int i = first; i <= last; i++) {
            lines[i] = "";
        }
        return last;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** "line L, column C: problem", the context added when it says what was being read. */
    private static SiteProblem describe(MarkedYAMLException e) {
        Mark mark = e.getProblemMark();
        String context = e.getContext() == null ? "" : e.getContext() + contextPlace(e) + ": ";
        String message = (context + e.getProblem()).replaceAll("\\s*\\R\\s*", " ");
        return mark == null ? SiteProblem.unplaced("", message)
                : new SiteProblem(mark.getLine() + 1, mark.getColumn() + 1, "", "syntax error: " + message);
    }

    private static String contextPlace(MarkedYAMLException e) {
        Mark c = e.getContextMark();
        Mark p = e.getProblemMark();
        return c == null || p == null || c.getLine() == p.getLine() ? "" : " (line " + (c.getLine() + 1) + ")";
    }
}
