package org.linli.sim.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /metrics} fetched over HTTP and parsed from the Prometheus text format: each sample's name, labels
 * (escapes undone) and value. Only what the tests need; comments and blank lines are skipped.
 */
final class ScrapedMetrics {
    record Sample(String name, Map<String, String> labels, double value) {
    }

    final String text;
    final List<Sample> samples = new ArrayList<>();

    ScrapedMetrics(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(parse(line));
            }
        }
    }

    static ScrapedMetrics fetch(int port) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain")) {
            throw new AssertionError("/metrics answered " + r.statusCode() + " " + r.headers().map());
        }
        return new ScrapedMetrics(r.body());
    }

    /** The sum of the samples of {@code name} whose labels include {@code match}. */
    double sum(String name, Map<String, String> match) {
        return samples.stream().filter(s -> s.name.equals(name) && s.labels.entrySet().containsAll(match.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    double sum(String name) {
        return sum(name, Map.of());
    }

    /** label value → sample value, for the samples of {@code name}; each label value must appear once. */
    Map<String, Double> byLabel(String name, String label, Map<String, String> match) {
        Map<String, Double> out = new LinkedHashMap<>();
        samples.stream().filter(s -> s.name.equals(name) && s.labels.entrySet().containsAll(match.entrySet()))
                .forEach(s -> {
                    if (out.put(s.labels.get(label), s.value) != null) {
                        throw new AssertionError("two samples of " + name + " with " + label + "=" + s.labels.get(label));
                    }
                });
        return out;
    }

    private static Sample parse(String line) {
        int brace = line.indexOf('{');
        int space = line.lastIndexOf(' ');
        double value = Double.parseDouble(line.substring(space + 1).replace("+Inf", "Infinity"));
        if (brace < 0 || brace > line.indexOf(' ')) {
            return new Sample(line.substring(0, line.indexOf(' ')), Map.of(), value);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int i = brace + 1;
        while (line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            String key = line.substring(i, eq);
            StringBuilder v = new StringBuilder();
            int j = eq + 2; // past ="
            for (char c = line.charAt(j); c != '"'; c = line.charAt(++j)) {
                if (c == '\\') {
                    char next = line.charAt(++j);
                    v.append(next == 'n' ? '\n' : next);
                } else {
                    v.append(c);
                }
            }
            labels.put(key, v.toString());
            i = line.charAt(j + 1) == ',' ? j + 2 : j + 1;
        }
        return new Sample(line.substring(0, brace), labels, value);
    }
}
