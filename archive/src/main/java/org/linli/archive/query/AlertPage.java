package org.linli.archive.query;

import java.util.List;

/** One page of alerts, newest first; {@code hasMore} says whether a next page exists. */
public record AlertPage(List<AlertRow> alerts, boolean hasMore) {
    public AlertPage {
        alerts = List.copyOf(alerts);
    }
}
