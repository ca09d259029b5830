package org.linli.gateway.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Checks the {@code notify} section: channel ids unique, a type (bound by {@link ChannelType}), the secrets each type needs present in the
 * environment, base URLs http(s), fallbacks resolve to another channel, grids and severities exist. Problems go to
 * the same collector as the rest of the file, named by their path ({@code notify.channels[1].tokenEnv}).
 */
final class NotifyValidator {
    private static final Set<String> SEVERITIES = Set.of("CRITICAL_VULNERABLE", "CRITICAL", "MAJOR", "MINOR", "WARNING");

    private final Function<String, String> env;
    private final BiConsumer<String, String> problem;
    private final Function<String, String> where;

    /** {@code where} places a path in the file ("line 12") for "first at". */
    NotifyValidator(Function<String, String> env, BiConsumer<String, String> problem, Function<String, String> where) {
        this.env = env;
        this.problem = problem;
        this.where = where;
    }

    void validate(NotifyOptions n, Set<String> gridIds) {
        if (n.digestWindowSeconds() < 1 || n.digestWindowSeconds() > 3600) {
            problem.accept("notify.digestWindowSeconds", "must be 1..3600, got " + n.digestWindowSeconds());
        }
        if (n.repeatQuietMinutes() < 0) {
            problem.accept("notify.repeatQuietMinutes", "must be 0 or more, got " + n.repeatQuietMinutes());
        }
        if (n.consoleUrl() != null && !n.consoleUrl().matches("https?://.+")) {
            problem.accept("notify.consoleUrl", "'" + n.consoleUrl() + "' is not an http(s) URL");
        }
        Set<String> ids = new HashSet<>();
        Set<String> fallbacks = new HashSet<>();
        List<NotifyChannelOptions> channels = n.channels();
        channels.forEach(c -> {
            ids.add(c.id());
            fallbacks.add(c.fallback());
        });
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        for (int i = 0; i < channels.size(); i++) {
            NotifyChannelOptions c = channels.get(i);
            String at = "notify.channels[" + i + "]" + (c.id() == null ? "" : " (" + c.id() + ")");
            if (c.id() == null || c.id().isBlank()) {
                problem.accept(at + ".id", "missing");
            } else if (seen.putIfAbsent(c.id(), at + ".id") != null) {
                problem.accept(at + ".id", "channel id '" + c.id() + "' is listed twice; first at " + where.apply(seen.get(c.id())));
            }
            checkChannel(c, at, ids, gridIds);
            if (c.fallbackOnly() && !fallbacks.contains(c.id())) {
                problem.accept(at + ".fallbackOnly", "no channel names '" + c.id() + "' as its fallback: it would never send");
            }
        }
    }

    private void checkChannel(NotifyChannelOptions c, String at, Set<String> ids, Set<String> gridIds) {
        if (c.type() == null) {
            problem.accept(at + ".type", "missing: one of " + ConfigEnums.ids(ChannelType.class));
            return;
        }
        switch (c.type()) {
            case WECOM -> secret(c.keyEnv(), at + ".keyEnv", "the WeCom robot key (the key= of its webhook URL)");
            case DINGTALK -> {
                secret(c.tokenEnv(), at + ".tokenEnv", "the DingTalk robot access_token");
                if (c.secretEnv() != null) {
                    secret(c.secretEnv(), at + ".secretEnv", "the DingTalk robot signing secret (SEC...)");
                }
            }
            case WEBHOOK -> {
                secret(c.urlEnv(), at + ".urlEnv", "the webhook URL");
                String url = c.urlEnv() == null ? null : env.apply(c.urlEnv());
                if (url != null && !url.matches("https?://.+")) {
                    problem.accept(at + ".urlEnv", "environment variable " + c.urlEnv() + " is not an http(s) URL");
                }
                if (c.secretEnv() != null) {
                    secret(c.secretEnv(), at + ".secretEnv", "the HMAC-SHA256 signing secret");
                }
            }
            case MQTT -> { }
        }
        if (c.baseUrl() != null && !c.baseUrl().matches("https?://[^?#]+")) {
            problem.accept(at + ".baseUrl", "'" + c.baseUrl() + "' is not an http(s) URL without query");
        }
        if (c.ratePerMinute() < 1 || c.ratePerMinute() > 10_000) {
            problem.accept(at + ".ratePerMinute", "must be 1..10000, got " + c.ratePerMinute()
                    + " (WeCom and DingTalk robots accept 20 per minute)");
        }
        if (c.maxAttempts() < 1 || c.maxAttempts() > 20) {
            problem.accept(at + ".maxAttempts", "must be 1..20, got " + c.maxAttempts());
        }
        if (c.timeoutMs() < 100) {
            problem.accept(at + ".timeoutMs", "must be at least 100, got " + c.timeoutMs());
        }
        if (!SEVERITIES.contains(c.minSeverity())) {
            problem.accept(at + ".minSeverity", "unknown severity '" + c.minSeverity() + "' (known: CRITICAL_VULNERABLE,"
                    + " CRITICAL, MAJOR, MINOR, WARNING)");
        }
        for (String g : c.grids()) {
            if (!gridIds.contains(g)) {
                problem.accept(at + ".grids", "grid '" + g + "' is not in grids");
            }
        }
        if (c.fallback() != null) {
            if (c.fallback().equals(c.id())) {
                problem.accept(at + ".fallback", "a channel cannot be its own fallback");
            } else if (!ids.contains(c.fallback())) {
                problem.accept(at + ".fallback", "no channel with id '" + c.fallback() + "'");
            }
        }
    }

    private void secret(String varName, String at, String what) {
        if (varName == null || varName.isBlank()) {
            problem.accept(at, "missing: name the environment variable holding " + what);
        } else {
            String value = env.apply(varName);
            if (value == null || value.isBlank()) {
                problem.accept(at, "environment variable " + varName + " is not set (it holds " + what + ")");
            }
        }
    }
}
