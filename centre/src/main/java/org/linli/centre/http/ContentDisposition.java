package org.linli.centre.http;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with an ASCII {@code filename} for old clients and the real (Chinese) name
 * as {@code filename*=UTF-8''...} percent-encoded per RFC 5987 / RFC 6266 (browsers prefer {@code filename*}).
 */
final class ContentDisposition {
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private ContentDisposition() {
    }

    static String attachment(String asciiName, String name) {
        return "attachment; filename=\"" + asciiName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''"
                + encode(name);
    }

    /** RFC 5987 {@code value-chars}: attr-char as is, every other byte of the UTF-8 form as {@code %XX}. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
