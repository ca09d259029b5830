package org.linli.drivers.serial;

import java.util.HexFormat;

/** Frames as readable hex ("68 10 44 ...") for logs, dead letters and test vectors. */
public final class Hex {
    private static final HexFormat SPACED = HexFormat.ofDelimiter(" ").withUpperCase();

    private Hex() {
    }

    /** "FE 68 10" style. */
    public static String format(byte[] bytes) {
        return SPACED.formatHex(bytes);
    }

    public static String format(byte[] bytes, int off, int len) {
        return SPACED.formatHex(bytes, off, off + len);
    }

    /** Parses hex with or without spaces, colons or line breaks between bytes; case-insensitive. */
    public static byte[] parse(String text) {
        String digits = text.replaceAll("[\\s:,]", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits in '" + text + "'");
        }
        return HexFormat.of().parseHex(digits);
    }
}
