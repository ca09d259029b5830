package org.linli.gateway.config;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Checks the optional {@code uplink:} section for ConfigValidator: at least one broker node URI of the form
 * {@code tcp://host:port} or {@code ssl://host:port}, the street, community and compound ids present and usable as
 * one MQTT topic level each (no {@code /}, {@code +}, {@code #}), the password's variable set when named, a quota of
 * at least 1 MiB. Nothing when the section is absent. Runs on the loading thread.
 */
final class UplinkValidator {
    static final long MIN_MAX_BYTES = 1L << 20;

    private final Function<String, String> env;
    private final BiConsumer<String, String> problem;

    UplinkValidator(Function<String, String> env, BiConsumer<String, String> problem) {
        this.env = env;
        this.problem = problem;
    }

    void validate(UplinkOptions u) {
        if (u == null) {
            return;
        }
        if (u.urls().isEmpty()) {
            problem.accept("uplink.urls", "missing: the centre's broker nodes (tcp://host:port or ssl://host:port)");
        }
        for (int i = 0; i < u.urls().size(); i++) {
            String url = u.urls().get(i);
            if (url == null || !url.matches("(tcp|ssl)://[^/\\s]+:\\d+")) {
                problem.accept("uplink.urls[" + i + "]", "'" + ShownUrl.of(url) + "' is not of the form tcp://host:port or ssl://host:port");
            }
        }
        topicLevel(u.street(), "uplink.street");
        topicLevel(u.community(), "uplink.community");
        topicLevel(u.compound(), "uplink.compound");
        if (u.clientId() != null && u.clientId().isBlank()) {
            problem.accept("uplink.clientId", "may not be blank (default: the compound id)");
        }
        if (u.passwordEnv() != null && env.apply(u.passwordEnv()) == null) {
            problem.accept("uplink.passwordEnv", "environment variable " + u.passwordEnv() + " is not set");
        }
        if (u.maxBytes() < MIN_MAX_BYTES) {
            problem.accept("uplink.maxBytes", "must be at least " + MIN_MAX_BYTES + " (1 MiB), got " + u.maxBytes());
        }
    }

    private void topicLevel(String id, String at) {
        if (id == null || id.isBlank()) {
            problem.accept(at, "missing: the id the centre's site file gives it");
        } else if (id.contains("/") || id.contains("+") || id.contains("#")) {
            problem.accept(at, "'" + id + "' may not contain '/', '+' or '#' (it is one level of the MQTT topic)");
        }
    }
}
