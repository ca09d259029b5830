package org.linli.drivers.onvif;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP Digest authentication (RFC 7616, compatible with RFC 2617): qop=auth with MD5 (what cameras use) or
 * SHA-256, and the legacy no-qop form. One instance holds one server challenge and counts its nonce uses, so it
 * can be reused for later requests until the server sends a new challenge.
 */
public final class HttpDigestAuth {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> challenge;
    private final AtomicInteger nonceCount = new AtomicInteger();

    private HttpDigestAuth(Map<String, String> challenge) {
        this.challenge = challenge;
    }

    /**
     * From a WWW-Authenticate value starting with "Digest"; null if it is not a Digest challenge with a nonce, or if
     * a value we would echo in the Authorization header could not be carried there (the header would be invalid).
     */
    public static HttpDigestAuth fromChallenge(String wwwAuthenticate) {
        if (wwwAuthenticate == null || !wwwAuthenticate.regionMatches(true, 0, "Digest ", 0, 7)) {
            return null;
        }
        Map<String, String> params = parseParams(wwwAuthenticate.substring(7));
        boolean echoable = java.util.stream.Stream.of("realm", "nonce", "opaque", "algorithm")
                .allMatch(k -> !params.containsKey(k) || quotable(params.get(k)));
        return params.containsKey("nonce") && echoable ? new HttpDigestAuth(params) : null;
    }

    /** Printable ASCII without quote or backslash: fits between the quotes of a header parameter as it is. */
    private static boolean quotable(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E && c != '"' && c != '\\');
    }

    /** The value of an Authorization header for this request. uri is the request target (path and query). */
    public String authorize(String method, String uri, OnvifCredentials credentials) {
        String realm = challenge.getOrDefault("realm", "");
        String nonce = challenge.get("nonce");
        String algorithm = challenge.getOrDefault("algorithm", "MD5");
        boolean qopAuth = challenge.containsKey("qop")
                && java.util.Arrays.stream(challenge.get("qop").split(",")).anyMatch(q -> q.trim().equals("auth"));
        String nc = String.format(Locale.ROOT, "%08x", nonceCount.incrementAndGet());
        String cnonce = HexFormat.of().formatHex(randomBytes(8));
        String ha1 = hash(algorithm, credentials.username() + ":" + realm + ":" + credentials.password());
        String ha2 = hash(algorithm, method + ":" + uri);
        String response = qopAuth
                ? hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                : hash(algorithm, ha1 + ":" + nonce + ":" + ha2);
        StringBuilder sb = new StringBuilder("Digest ")
                .append("username=\"").append(credentials.username()).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri)
                .append("\", algorithm=").append(algorithm).append(", response=\"").append(response).append('"');
        if (qopAuth) {
            sb.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (challenge.containsKey("opaque")) {
            sb.append(", opaque=\"").append(challenge.get("opaque")).append('"');
        }
        return sb.toString();
    }

    /** Server side: the response a client should have sent for these Authorization parameters (qop=auth). */
    public static String expectedResponse(Map<String, String> p, String method, String password) {
        String algorithm = p.getOrDefault("algorithm", "MD5");
        String ha1 = hash(algorithm, p.get("username") + ":" + p.get("realm") + ":" + password);
        String ha2 = hash(algorithm, method + ":" + p.get("uri"));
        return p.containsKey("qop")
                ? hash(algorithm, ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":"
                        + p.get("qop") + ":" + ha2)
                : hash(algorithm, ha1 + ":" + p.get("nonce") + ":" + ha2);
    }

    /** Parses comma-separated key=value / key="quoted, value" pairs; keys lower-cased. */
    public static Map<String, String> parseParams(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            String value;
            if (i < n && s.charAt(i) == '"') {
                StringBuilder v = new StringBuilder();
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    v.append(s.charAt(i++));
                }
                i++;
                value = v.toString();
            } else {
                int end = s.indexOf(',', i);
                end = end < 0 ? n : end;
                value = s.substring(i, end).trim();
                i = end;
            }
            out.put(key, value);
        }
        return out;
    }

    static String hash(String algorithm, String text) {
        String jdkName = algorithm.toUpperCase(Locale.ROOT).startsWith("SHA-256") ? "SHA-256" : "MD5";
        try {
            MessageDigest md = MessageDigest.getInstance(jdkName);
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jdkName + " is required by every JDK", e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
