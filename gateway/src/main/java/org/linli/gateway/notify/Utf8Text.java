package org.linli.gateway.notify;

import java.nio.charset.StandardCharsets;

/** Byte-limited text: the robots count message limits in UTF-8 bytes, and a cut must never split a character. */
final class Utf8Text {
    static final String ELLIPSIS = "…";

    private Utf8Text() {
    }

    static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** {@code s} unchanged if it fits, otherwise its longest whole-code-point prefix plus "…" within {@code maxBytes}. */
    static String truncate(String s, int maxBytes) {
        if (bytes(s) <= maxBytes) {
            return s;
        }
        int budget = maxBytes - bytes(ELLIPSIS);
        int used = 0;
        int end = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int len = utf8Length(cp);
            if (used + len > budget) {
                break;
            }
            used += len;
            end += Character.charCount(cp);
        }
        return s.substring(0, end) + ELLIPSIS;
    }

    private static int utf8Length(int cp) {
        if (cp < 0x80) {
            return 1;
        }
        if (cp < 0x800) {
            return 2;
        }
        return cp < 0x10000 ? 3 : 4;
    }
}
