package org.linli.gateway.security;

import org.linli.gateway.config.ShownUrl;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Keeps secrets out of what an operator or a client sees: URLs lose the password in their user info and the value of
 * token-like query parameters, and any text (status, error messages from libraries) loses every configured secret
 * value. Used for log lines, {@code check-config} output and HTTP responses.
 */
public final class Redaction {
    public static final String MASK = ShownUrl.MASK;
    /** Shorter values are not masked: replacing every "1" in a status page would hide data and protect nothing. */
    private static final int MIN_SECRET_LENGTH = 4;

    private final List<String> secrets;

    private Redaction(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A redaction that also removes these secret values (nulls and very short values are ignored). */
    public static Redaction of(Collection<String> secretValues) {
        return new Redaction(secretValues.stream().filter(Objects::nonNull).filter(s -> s.length() >= MIN_SECRET_LENGTH)
                .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    /**
     * {@code http://user:pw@host:8086/?token=x} → {@code http://user:***@host:8086/?token=***}; also names that end in
     * one of those words, such as DingTalk's {@code access_token} and {@code sign}.
     */
    public static String url(String url) {
        return ShownUrl.of(url);
    }

    /** {@code text} with URLs masked and every known secret value replaced by {@value #MASK}. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = url(text);
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }
}
