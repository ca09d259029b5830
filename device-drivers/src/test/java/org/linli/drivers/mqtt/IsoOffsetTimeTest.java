package org.linli.drivers.mqtt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-read common form of ISO-8601 against the JDK's ISO_OFFSET_DATE_TIME, which stays the judge. */
class IsoOffsetTimeTest {

    private static Instant jdk(String s) {
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    @DisplayName("the usual vendor forms give the JDK's instant")
    void usualForms() {
        for (String s : new String[]{"2024-11-25T10:15:30+08:00", "2024-11-25T10:15:30Z", "2024-11-25T02:15:30.5Z",
                "2024-11-25T10:15:30.123+08:00", "2024-11-25T10:15:30.123456789-03:30", "2024-02-29T23:59:59+14:00",
                "1970-01-01T00:00:00Z", "2024-12-31T23:59:59.999999999-18:00", "0000-01-01T00:00:00+18:00"}) {
            assertEquals(jdk(s), IsoOffsetTime.parse(s), s);
        }
    }

    @Test
    @DisplayName("what is not exactly the common form, or has a field out of range, is left to the JDK's parser")
    void othersLeftToTheJdk() {
        for (String s : new String[]{"2024-11-25T10:15+08:00", "2024-11-25t10:15:30Z", "2024-11-25T10:15:30z",
                "2024-11-25T10:15:30+08:00:00", "2024-11-25T10:15:30+0800", "2024-11-25T10:15:30.Z",
                "2024-11-25T10:15:30.1234567891Z", "2023-02-29T10:15:30Z", "2024-04-31T10:15:30Z",
                "2024-13-01T10:15:30Z", "2024-11-25T24:00:00Z", "2024-11-25T10:60:30Z", "2024-11-25T10:15:60Z",
                "2024-11-25T10:15:30+18:01", "2024-11-25T10:15:30+19:00", "2024-11-25 10:15:30Z",
                "+2024-11-25T10:15:30Z", "2024-1１-25T10:15:30Z", "2024-11-25T10:15:30", "", "2024-11-25T10:15:30+08:0x"}) {
            assertNull(IsoOffsetTime.parse(s), s);
        }
    }

    @Test
    @DisplayName("200,000 random near-ISO strings: whatever the hand reader accepts, the JDK accepts as the same instant")
    void agreesWithTheJdk() {
        Random r = new Random(20261206);
        int accepted = 0;
        int jdkAccepted = 0;
        for (int i = 0; i < 200_000; i++) {
            String s = randomTime(r);
            Instant expected = jdk(s);
            Instant fast = IsoOffsetTime.parse(s);
            if (expected != null) {
                jdkAccepted++;
            }
            if (fast != null) {
                accepted++;
                assertEquals(expected, fast, s);
            }
        }
        // the comparison means something only if both accept most well-formed inputs
        assertTrue(jdkAccepted > 50_000, "JDK accepted " + jdkAccepted);
        assertTrue(accepted > jdkAccepted * 8 / 10, "hand reader took " + accepted + " of the JDK's " + jdkAccepted);
    }

    private static String randomTime(Random r) {
        boolean wild = r.nextInt(4) == 0;                     // a quarter with fields out of range
        int year = r.nextInt(10) == 0 ? r.nextInt(10_000) : 1960 + r.nextInt(120);
        int month = wild ? r.nextInt(14) : 1 + r.nextInt(12);
        int day = wild ? r.nextInt(33) : 1 + r.nextInt(31);
        int hour = wild ? r.nextInt(26) : r.nextInt(24);
        int minute = wild ? r.nextInt(62) : r.nextInt(60);
        int second = wild ? r.nextInt(62) : r.nextInt(60);
        StringBuilder sb = new StringBuilder(String.format("%04d-%02d-%02d%s%02d:%02d", year, month, day,
                r.nextInt(50) == 0 ? "t" : "T", hour, minute));
        if (r.nextInt(30) != 0) {
            sb.append(String.format(":%02d", second));
        }
        int fraction = r.nextInt(3) == 0 ? 0 : r.nextInt(11);
        if (fraction > 0 || r.nextInt(40) == 0) {
            sb.append('.');
            for (int k = 0; k < fraction; k++) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
        }
        switch (r.nextInt(6)) {
            case 0 -> sb.append('Z');
            case 1 -> sb.append(r.nextInt(20) == 0 ? "z" : "Z");
            case 2 -> sb.append(String.format("%s%02d:%02d", r.nextBoolean() ? "+" : "-", r.nextInt(wild ? 20 : 15),
                    wild ? r.nextInt(61) : 15 * r.nextInt(4)));
            case 3 -> sb.append("+08:00");
            case 4 -> sb.append(r.nextBoolean() ? "+08:00:00" : "+0800");
            default -> sb.append(String.format("-%02d:%02d", r.nextInt(19), r.nextInt(60)));
        }
        return sb.toString();
    }
}
