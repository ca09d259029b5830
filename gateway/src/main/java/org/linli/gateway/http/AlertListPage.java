package org.linli.gateway.http;

import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.Severity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One page of {@code GET /api/alerts}: the alerts in the order the API shows them (most urgent first, then newest
 * raised, then by id so that the order is total) after a cursor. The cursor is the sort key of the last alert of the
 * previous page, shown as an opaque token: a page boundary stays put while alerts are raised or change state, and an
 * alert that left memory between two pages is simply absent. Pure; used on the event loop.
 */
record AlertListPage(List<Alert> alerts, String next) {
    static final Comparator<Alert> ORDER = Comparator.comparing(Alert::severity)
            .thenComparing(Alert::raisedAt, Comparator.reverseOrder())
            .thenComparing(Alert::id);
    private static final String PREFIX = "l1:";

    /** The sort key of an alert, what a cursor holds. */
    record Key(Severity severity, Instant raisedAt, String id) {
        static Key of(Alert a) {
            return new Key(a.severity(), a.raisedAt(), a.id());
        }

        /** Where {@code a} stands against this key in {@link #ORDER}: negative before, positive after. */
        int compareTo(Alert a) {
            int c = severity.compareTo(a.severity());
            if (c != 0) {
                return c;
            }
            c = a.raisedAt().compareTo(raisedAt);
            return c != 0 ? c : id.compareTo(a.id());
        }

        String token() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + severity.name() + ":"
                    + raisedAt.getEpochSecond() + ":" + raisedAt.getNano() + ":" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Optional<Key> parse(String token) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                if (!text.startsWith(PREFIX)) {
                    return Optional.empty();
                }
                String[] p = text.substring(PREFIX.length()).split(":", 4);
                if (p.length != 4 || p[3].isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Key(Severity.valueOf(p[0]),
                        Instant.ofEpochSecond(Long.parseLong(p[1]), Long.parseLong(p[2])), p[3]));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
    }

    /** The first {@code limit} of {@code matching} (any order) after {@code after} (null: from the start). */
    static AlertListPage of(List<Alert> matching, Key after, int limit) {
        List<Alert> sorted = new ArrayList<>(matching.size());
        for (Alert a : matching) {
            if (after == null || after.compareTo(a) < 0) {
                sorted.add(a);
            }
        }
        sorted.sort(ORDER);
        if (sorted.size() <= limit) {
            return new AlertListPage(sorted, null);
        }
        List<Alert> page = List.copyOf(sorted.subList(0, limit));
        return new AlertListPage(page, Key.of(page.get(limit - 1)).token());
    }
}
