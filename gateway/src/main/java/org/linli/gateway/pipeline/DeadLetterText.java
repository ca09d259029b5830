package org.linli.gateway.pipeline;

import java.nio.charset.StandardCharsets;

/**
 * Turns what a sender chose (payload bytes, topic, error text naming its device id) into bounded text for a dead
 * letter. The cut is made before any decoding, so a 150 MB payload or a 65 KB topic level costs the same as a small
 * one. Pure functions; any thread.
 */
final class DeadLetterText {
    /** Payload bytes kept: text up to this many bytes, binary as hex of half as many. */
    static final int MAX_PAYLOAD_BYTES = 4096;
    static final int MAX_TOPIC_CHARS = 512;
    static final int MAX_MESSAGE_CHARS = 1024;
    static final String CUT = "…(truncated)";

    private DeadLetterText() {
    }

    /** Text payloads as they are, binary ones as hex so that a broken frame can still be read; at most the bound. */
    static String printable(byte[] payload) {
        boolean cut = payload.length > MAX_PAYLOAD_BYTES;
        int n = cut ? utf8Boundary(payload, MAX_PAYLOAD_BYTES) : payload.length;
        String text = new String(payload, 0, n, StandardCharsets.UTF_8);
        boolean binary = text.chars().anyMatch(c -> c == 0xFFFD || (c < 0x20 && c != '\n' && c != '\r' && c != '\t'));
        if (!binary) {
            return cut ? text + CUT : text;
        }
        int shown = Math.min(payload.length, MAX_PAYLOAD_BYTES / 2);
        StringBuilder hex = new StringBuilder(4 + 2 * shown + CUT.length()).append("hex:");
        for (int i = 0; i < shown; i++) {
            hex.append(Character.forDigit((payload[i] >> 4) & 0xF, 16)).append(Character.forDigit(payload[i] & 0xF, 16));
        }
        return shown < payload.length ? hex.append(CUT).toString() : hex.toString();
    }

    /** At most {@code max} characters of {@code text} (never half a surrogate pair), marked when cut; null stays null. */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + CUT;
    }

    /** How many bytes {@code text} takes in UTF-8, without encoding it. */
    static int utf8Length(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** The largest length ≤ {@code max} that does not end inside a UTF-8 sequence. */
    private static int utf8Boundary(byte[] bytes, int max) {
        int n = max;
        // bytes[n] is the first byte left out: while it continues a sequence, that sequence started before n
        while (n > 0 && max - n < 3 && (bytes[n] & 0xC0) == 0x80) {
            n--;
        }
        return (bytes[n] & 0xC0) == 0x80 ? max : n;
    }
}
