package org.linli.gateway.timeseries;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Line-protocol points of one message, already sorted into their {@link Lane}s by the code that made them, so a sink
 * never has to guess a point's class from its text. Each line is held as the UTF-8 bytes the disk queue stores and
 * the writer posts: {@link PointFactory} makes them so, and nothing on the way re-encodes them (the tags' Chinese
 * place names made that encoding the slow two-byte path, once per point). Immutable: the lists are copied and the
 * arrays are never written after they are made.
 */
public final class PointBatch {
    private final List<byte[]> telemetry;
    private final List<byte[]> events;

    private PointBatch(List<byte[]> telemetry, List<byte[]> events) {
        this.telemetry = List.copyOf(Objects.requireNonNull(telemetry));
        this.events = List.copyOf(Objects.requireNonNull(events));
    }

    /** Lines already encoded as UTF-8, as {@link PointFactory} makes them. */
    public static PointBatch ofUtf8(List<byte[]> telemetry, List<byte[]> events) {
        return new PointBatch(telemetry, events);
    }

    /** Lines as text (tests, benchmarks, tools): encoded here once. */
    public static PointBatch ofText(List<String> telemetry, List<String> events) {
        return new PointBatch(utf8(telemetry), utf8(events));
    }

    /** Readings only, as text. */
    public static PointBatch telemetry(List<String> lines) {
        return ofText(lines, List.of());
    }

    /** The lines of {@code lane}, as the UTF-8 bytes to store; the arrays must not be written to. */
    public List<byte[]> utf8(Lane lane) {
        return switch (lane) {
            case EVENTS -> events;
            case TELEMETRY -> telemetry;
        };
    }

    /** The lines of {@code lane} as text (decoded for whoever reads them: tests, tools). */
    public List<String> lines(Lane lane) {
        return text(utf8(lane));
    }

    /** The telemetry lines as text. */
    public List<String> telemetry() {
        return lines(Lane.TELEMETRY);
    }

    /** The event lines as text. */
    public List<String> events() {
        return lines(Lane.EVENTS);
    }

    public int size() {
        return telemetry.size() + events.size();
    }

    private static List<byte[]> utf8(List<String> lines) {
        List<byte[]> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            out.add(line.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static List<String> text(List<byte[]> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (byte[] line : lines) {
            out.add(new String(line, StandardCharsets.UTF_8));
        }
        return List.copyOf(out);
    }
}
