package org.linli.gateway.timeseries;

/**
 * InfluxDB line-protocol text exactly as influxdb-client-java 7.5's {@code Point.toLineProtocol()} writes it (the
 * golden test {@code LineProtocolGoldenTest} holds the bytes), without its per-point TreeMaps and
 * {@code NumberFormat}: names escaped the same way, doubles in plain decimal with at least one fraction digit
 * ({@code 20.0}, {@code 0.0000001}, {@code -0.0}), integers with {@code i}. Stateless; any thread.
 */
final class LineProtocol {
    private LineProtocol() {
    }

    /** A measurement name: comma, space, tab, CR and LF escaped; an equals sign is not. */
    static void measurement(StringBuilder sb, String name) {
        escape(sb, name, false);
    }

    /** A tag or field key, or a tag value: as {@link #measurement}, and the equals sign escaped too. */
    static void key(StringBuilder sb, String s) {
        escape(sb, s, true);
    }

    private static void escape(StringBuilder sb, String s, boolean escapeEquals) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case ' ', ',' -> sb.append('\\').append(c);
                case '=' -> {
                    if (escapeEquals) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
                default -> sb.append(c);
            }
        }
    }

    /**
     * A finite double as {@code NumberFormat.getInstance(ENGLISH)} with 1..340 fraction digits and no grouping
     * writes it: the shortest digits that identify the double ({@code Double.toString}'s), in plain notation.
     */
    static void decimal(StringBuilder sb, double v) {
        String s = Double.toString(v);
        if (s.indexOf('E') < 0) {
            sb.append(s);                                     // already plain, with one fraction digit at least
            return;
        }
        String plain = new java.math.BigDecimal(s).stripTrailingZeros().toPlainString();
        sb.append(plain);
        if (plain.indexOf('.') < 0) {
            sb.append(".0");
        }
    }
}
