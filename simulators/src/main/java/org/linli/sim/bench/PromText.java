package org.linli.sim.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sums of samples in a Prometheus text exposition ({@code /metrics} of the gateway or of VictoriaMetrics), fetched
 * over HTTP. Only what the benchmark reads: a metric name and an optional label fragment such as
 * {@code outcome="accepted"}.
 */
final class PromText {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String text;

    private PromText(String text) {
        this.text = text;
    }

    static PromText fetch(String url) throws IOException {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException(url + " answered " + r.statusCode());
            }
            return new PromText(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The sum of the samples named {@code name} whose label set contains {@code labelFragment} (empty: all). */
    double sum(String name, String labelFragment) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            boolean exact = series.equals(name) || series.startsWith(name + "{");
            if (exact && series.contains(labelFragment)) {
                total += Double.parseDouble(line.substring(space + 1));
            }
        }
        return total;
    }
}
