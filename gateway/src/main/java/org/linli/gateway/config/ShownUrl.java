package org.linli.gateway.config;

import java.util.regex.Pattern;

/**
 * A URL as it may be shown in a problem or a log line: the password in its user info and the values of secret-looking
 * query parameters masked. The one implementation; {@code security.Redaction.url} uses it.
 */
public final class ShownUrl {
    public static final String MASK = "***";
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(?<=://)([^/@:\\s]*):[^/@\\s]*@");
    /** The value ends where a URL's value must: also at a quote, bracket or backslash, so JSON and HTML stay whole. */
    private static final Pattern SECRET_QUERY = Pattern.compile(
            "(?i)([?&][\\w.-]*(?:token|password|passwd|pass|secret|key|auth|sign)=)[^&#\\s\"'<>\\\\]*");

    private ShownUrl() {
    }

    /**
     * {@code http://user:pw@host:8086/?token=x} → {@code http://user:***@host:8086/?token=***}; also names that end in
     * one of those words, such as DingTalk's {@code access_token} and {@code sign}.
     */
    public static String of(String url) {
        if (url == null) {
            return null;
        }
        String out = USER_INFO_PASSWORD.matcher(url).replaceAll("$1:" + MASK + "@");
        return SECRET_QUERY.matcher(out).replaceAll("$1" + MASK);
    }
}
