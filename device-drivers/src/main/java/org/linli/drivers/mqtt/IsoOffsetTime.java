package org.linli.drivers.mqtt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * The common form of an ISO-8601 instant with offset, {@code 2024-11-25T10:15:30[.f{1,9}](Z|+08:00)}, read by hand.
 * {@code OffsetDateTime.parse} with {@code ISO_OFFSET_DATE_TIME} builds a parse context, a field map and a resolver
 * for every timestamp: 6 % of a drain's CPU in a profile where one vendor format in six carried such a time. This
 * takes only text in exactly that form with every field in range and gives the same instant; anything else (no
 * seconds, a lower-case {@code t}, a second offset field, a day the month does not have) returns null and is left
 * to the JDK's parser, which decides it and words its errors as before ({@code IsoOffsetTimeTest} compares the two).
 */
final class IsoOffsetTime {
    private static final int SHORTEST = "2024-11-25T10:15:30Z".length();
    private static final int LONGEST = "2024-11-25T10:15:30.123456789+08:00".length();

    private IsoOffsetTime() {
    }

    /** The instant, or null when {@code s} is not in the common form with every field in range. */
    static Instant parse(String s) {
        int n = s.length();
        if (n < SHORTEST || n > LONGEST || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 10 && isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            int width = i - start;
            if (width < 1 || width > 9) {
                return null;
            }
            for (int k = width; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59 || (oh == 18 && om > 0)) {
                return null;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
        } else {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long epochSecond = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1 if any is not one. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
