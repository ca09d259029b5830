package org.linli.gateway.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** A scrape read back: every sample line as {@code name{labels}} (exactly as printed) → value. */
final class Exposition {
    final String text;
    final Map<String, Double> samples = new LinkedHashMap<>();

    Exposition(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
    }

    double value(String series) {
        Double v = samples.get(series);
        if (v == null) {
            throw new AssertionError("no sample " + series + " in\n" + text);
        }
        return v;
    }
}
