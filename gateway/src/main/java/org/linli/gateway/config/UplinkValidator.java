package org.linli.gateway.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Checks the optional {@code uplink:} section for ConfigValidator: at least one broker node URI of the form
 * {@code tcp://host:port} or {@code ssl://host:port}, the street, community and compound ids present and usable as
 * one MQTT topic level each (no {@code /}, {@code +}, {@code #}), the password's variable set when named, a quota of
 * at least 1 MiB, a summary period of 5..59 s, the TLS files readable and used only with an ssl:// node. Nothing when the section is absent. Runs on the loading thread.
 */
final class UplinkValidator {
    static final long MIN_MAX_BYTES = 1L << 20;
    static final int MIN_SUMMARY_SECONDS = 5;
    static final int MAX_SUMMARY_SECONDS = 59;

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
        if (u.summarySeconds() < MIN_SUMMARY_SECONDS || u.summarySeconds() > MAX_SUMMARY_SECONDS) {
            problem.accept("uplink.summarySeconds", "must be between " + MIN_SUMMARY_SECONDS + " and "
                    + MAX_SUMMARY_SECONDS + " (the centre marks a compound unreachable after 60 s without one), got "
                    + u.summarySeconds());
        }
        tls(u);
        if (u.maxBytes() < MIN_MAX_BYTES) {
            problem.accept("uplink.maxBytes", "must be at least " + MIN_MAX_BYTES + " (1 MiB), got " + u.maxBytes());
        }
    }

    private void tls(UplinkOptions u) {
        MqttTlsOptions t = u.tls();
        if (t == null) {
            return;
        }
        if (u.urls().stream().noneMatch(url -> url != null && url.startsWith("ssl://"))) {
            problem.accept("uplink.tls", "set, but no uplink.urls entry is ssl://host:port");
        }
        if ((t.certFile() == null) != (t.keyFile() == null)) {
            problem.accept("uplink.tls", "certFile and keyFile go together (a client certificate and its key), or neither");
        }
        readable(t.caFile(), "uplink.tls.caFile");
        readable(t.certFile(), "uplink.tls.certFile");
        readable(t.keyFile(), "uplink.tls.keyFile");
        if (t.keyPasswordEnv() != null && env.apply(t.keyPasswordEnv()) == null) {
            problem.accept("uplink.tls.keyPasswordEnv", "environment variable " + t.keyPasswordEnv() + " is not set");
        }
    }

    private void readable(String file, String at) {
        if (file != null && !Files.isReadable(Path.of(file))) {
            problem.accept(at, "cannot read '" + file + "'");
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
