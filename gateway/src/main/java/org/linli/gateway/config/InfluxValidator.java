package org.linli.gateway.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Checks the {@code influx:} section for ConfigValidator: the URL is an absolute http(s) URL the client can connect to
 * (a password in it is masked in the problem, {@link ShownUrl}), org and bucket are given, the token's variable is
 * set, batching values are positive; in the list form {@code targets} the same for each target, whose names are
 * unique. Problems go to the file's collector by path. Runs on the loading thread.
 */
final class InfluxValidator {
    static final int MAX_TARGETS = 8;
    private static final String NAME = "[a-z0-9_-]{1,32}";
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
        if (i.batchSize() < 1 || i.flushIntervalMs() < 1) {
            problem.accept("influx", "need batchSize >= 1 and flushIntervalMs >= 1");
        }
        if (i.batchSize() > MAX_BATCH_SIZE) {
            // a batch is held in memory twice (its lines and the request body): bounded by the heap budget
            problem.accept("influx.batchSize", "at most " + MAX_BATCH_SIZE + " points (docs/OPERATIONS.md, sizing), got "
                    + i.batchSize() + "; the default is 2000");
        }
        if (i.hasTargetList()) {
            validateTargets(i);
            return;
        }
        target(i.url(), i.org(), i.bucket(), i.tokenEnv(), "influx");
    }

    /** The list form: names valid and unique, no single-target keys beside it, each target complete. */
    private void validateTargets(InfluxOptions i) {
        for (String key : new String[]{"url", "org", "bucket"}) {
            String v = key.equals("url") ? i.url() : key.equals("org") ? i.org() : i.bucket();
            if (v != null) {
                problem.accept("influx." + key, "not beside influx.targets: move it into one of the targets");
            }
        }
        if (i.targets().isEmpty()) {
            problem.accept("influx.targets", "empty: name at least one target, or use the single-target form (url, org, bucket)");
        } else if (i.targets().size() > MAX_TARGETS) {
            problem.accept("influx.targets", i.targets().size() + " targets: at most " + MAX_TARGETS);
        }
        Set<String> names = new HashSet<>();
        List<InfluxTarget> resolved = i.resolvedTargets();
        for (int k = 0; k < resolved.size(); k++) {
            InfluxTarget t = resolved.get(k);
            String at = "influx.targets[" + k + "]" + (t.name() == null ? "" : " (" + t.name() + ")");
            if (t.name() == null || t.name().isBlank()) {
                problem.accept(at + ".name", "missing: a short name such as local or district (it names the "
                        + "target's queue position and its metrics)");
            } else if (!t.name().matches(NAME)) {
                problem.accept(at + ".name", "'" + t.name() + "' is not a target name: use 1 to 32 of a-z, 0-9, - and _");
            } else if (!names.add(t.name())) {
                problem.accept(at + ".name", "'" + t.name() + "' names another target too: names must be unique");
            }
            target(t.url(), t.org(), t.bucket(), t.tokenEnv(), at);
            if (t.batchSize() < 1 || t.flushIntervalMs() < 1) {
                problem.accept(at, "need batchSize >= 1 and flushIntervalMs >= 1");
            } else if (t.batchSize() > MAX_BATCH_SIZE) {
                problem.accept(at + ".batchSize", "at most " + MAX_BATCH_SIZE + " points (docs/OPERATIONS.md, sizing), got "
                        + t.batchSize());
            }
        }
    }

    private void target(String url, String org, String bucket, String tokenEnv, String at) {
        if (present(url, at + ".url")) {
            checkHttpUrl(url, at + ".url");
        }
        present(org, at + ".org");
        present(bucket, at + ".bucket");
        String token = env.apply(tokenEnv);
        if (token == null || token.isBlank()) {
            problem.accept(at + ".tokenEnv", "environment variable " + tokenEnv + " is not set (it holds the InfluxDB API token)");
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
