package org.linli.drivers.onvif;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;

/** xs:dateTime and xs:duration as ONVIF uses them. */
public final class XsdTime {
    private XsdTime() {
    }

    /**
     * A duration in whole seconds, "PT600S". Never minutes: Duration.toString() would write "PT10M", and some
     * cameras misread minute durations and let the subscription expire (FIELD-NOTES §4).
     */
    public static String seconds(Duration d) {
        return "PT" + Math.max(1, d.toSeconds()) + "S";
    }

    /** UTC with a trailing Z, to the second: what clients such as the npm onvif package expect. */
    public static String format(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Parses "2024-05-01T08:00:00Z", with fractions or an offset; a time without a zone is taken as UTC. */
    public static Instant parse(String text) throws OnvifException {
        String s = text.trim();
        try {
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(s,
                    java.time.OffsetDateTime::from, LocalDateTime::from);
            return t instanceof java.time.OffsetDateTime o ? o.toInstant()
                    : ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new OnvifException(OnvifErrorKind.BAD_RESPONSE, "not an xs:dateTime: '" + s + "'", e);
        }
    }
}
