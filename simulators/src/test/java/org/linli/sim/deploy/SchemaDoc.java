package org.linli.sim.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time-series schema as docs/SCHEMA.md states it, read from its Markdown tables, so a dashboard test fails when
 * either the dashboards or the document drift: measurements, the fields each may carry, and the tags.
 */
final class SchemaDoc {
    static final String ANY = "*";
    private static final Pattern TICKED = Pattern.compile("`([a-z_0-9]+)`");

    final Set<String> measurements = new HashSet<>();
    /** field → measurements it may appear in ({@link #ANY}: every measurement). */
    final Map<String, Set<String>> fields = new HashMap<>();
    final Set<String> tags = new HashSet<>();

    static SchemaDoc read(Path file) throws IOException {
        SchemaDoc s = new SchemaDoc();
        String section = "";
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("## ")) {
                section = line;
                if (line.startsWith("## Event measurement:")) {
                    s.measurements.addAll(ticked(line));
                }
                continue;
            }
            if (section.startsWith("## Tags") && line.startsWith("| `")) {
                s.tags.addAll(ticked(cells(line).get(0)));
            } else if (section.startsWith("## Reading measurements") && line.startsWith("| ") && !line.startsWith("| measurement")
                    && !line.startsWith("|---")) {
                List<String> c = cells(line);
                List<String> in = ticked(c.get(0));
                s.measurements.addAll(in);
                for (String field : ticked(c.get(1))) {
                    s.fields.computeIfAbsent(field, f -> new HashSet<>()).addAll(in.isEmpty() ? Set.of(ANY) : in);
                }
            } else if (section.startsWith("## Event measurement:")) {
                String event = ticked(section).get(0);
                if (line.contains("Extra tags:")) {
                    s.tags.addAll(ticked(line.substring(line.indexOf("Extra tags:"))));
                }
                if (line.startsWith("Field: ")) {
                    ticked(line).forEach(f -> s.fields.computeIfAbsent(f, x -> new HashSet<>()).add(event));
                }
            }
        }
        return s;
    }

    boolean fieldAllowedIn(String field, Set<String> measurements) {
        Set<String> in = fields.get(field);
        if (in == null) {
            return false;
        }
        return in.contains(ANY) || measurements.isEmpty() || measurements.stream().anyMatch(in::contains);
    }

    private static List<String> cells(String row) {
        String[] parts = row.split("\\|");
        return List.of(parts).subList(1, parts.length).stream().map(String::trim).toList();
    }

    private static List<String> ticked(String text) {
        Matcher m = TICKED.matcher(text);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
