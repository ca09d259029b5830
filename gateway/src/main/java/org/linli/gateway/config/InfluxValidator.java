package org.linli.gateway.config;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Checks the {@code influx:} section for ConfigValidator: the URL is an absolute http(s) URL the client can connect to
 * (a password in it is masked in the problem, {@link ShownUrl}), org and bucket are given, the token's variable is
 * set, batching values are positive. Problems go to the file's collector by path. Runs on the loading thread.
 */
final class InfluxValidator {
    /** influx.batchSize at most: 20,000 points are ~4 MB of line protocol, held as lines and as the request body. */
    static final int MAX_BATCH_SIZE = 20_000;

    private final Function<String, String> env;
    private final BiConsumer<String, String> problem;

    InfluxValidator(Function<String, String> env, BiConsumer<String, String> problem) {
        this.env = env;
        this.problem = problem;
    }

    void validate(InfluxOptions i) {
        if (i == null) {
            problem.accept("influx", "missing: the InfluxDB v2 connection (url, org, bucket, tokenEnv)");
            return;
        }
        if (present(i.url(), "influx.url")) {
            checkHttpUrl(i.url(), "influx.url");
        }
        present(i.org(), "influx.org");
        present(i.bucket(), "influx.bucket");
        String token = env.apply(i.tokenEnv());
        if (token == null || token.isBlank()) {
            problem.accept("influx.tokenEnv", "environment variable " + i.tokenEnv() + " is not set (it holds the InfluxDB API token)");
        }
        if (i.batchSize() < 1 || i.flushIntervalMs() < 1) {
            problem.accept("influx", "need batchSize >= 1 and flushIntervalMs >= 1");
        }
        if (i.batchSize() > MAX_BATCH_SIZE) {
            // a batch is held in memory twice (its lines and the request body): bounded by the heap budget
            problem.accept("influx.batchSize", "at most " + MAX_BATCH_SIZE + " points (docs/OPERATIONS.md, sizing), got "
                    + i.batchSize() + "; the default is 2000");
        }
    }

    /** An absolute http(s) URL with a host and, if given, a valid port: what the InfluxDB client can connect to. */
    private void checkHttpUrl(String url, String at) {
        String shown = "'" + ShownUrl.of(url) + "'";
        java.net.URI uri;
        try {
            uri = new java.net.URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            problem.accept(at, shown + " is not a URL (" + e.getReason() + " at index " + e.getIndex() + ")");
            return;
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            problem.accept(at, shown + " is not of the form http://host:port or https://host:port"
                    + (url.strip().matches("(?i)https?//.*") ? " (the ':' after http is missing)" : ""));
        } else if (uri.getHost() == null) {
            problem.accept(at, shown + " has no host (or an invalid one): use http://host:port");
        } else if (uri.getPort() > 65535 || uri.getPort() == 0) {
            problem.accept(at, shown + " has an invalid port " + uri.getPort() + " (1..65535)");
        }
    }

    private boolean present(String value, String at) {
        if (value == null || value.isBlank()) {
            problem.accept(at, "missing");
            return false;
        }
        return true;
    }
}
