package org.linli.gateway.config;

import java.util.List;

/**
 * The configuration cannot be used. Each problem names the place in the file (line and column where the file has
 * one) and what to fix; {@link #getMessage()} lists them all, one a line, with the note if there is one.
 */
public class ConfigException extends Exception {
    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        this(source, problems, null);
    }

    /** {@code note}: a closing line that is not a problem itself (what was not checked, and why). */
    public ConfigException(String source, List<String> problems, String note) {
        super("invalid configuration " + source + " (" + count(problems.size()) + "):\n  - "
                + String.join("\n  - ", problems) + (note == null ? "" : "\n" + note));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String count(int n) {
        return n == 1 ? "1 problem" : n + " problems";
    }
}
