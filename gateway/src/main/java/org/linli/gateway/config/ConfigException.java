package org.linli.gateway.config;

import java.util.List;

/** The configuration cannot be used. Each problem names the place in the file and what to fix. */
public class ConfigException extends Exception {
    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super("invalid configuration " + source + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
