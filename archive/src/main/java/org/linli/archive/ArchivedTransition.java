package org.linli.archive;

import java.time.Instant;

/** One line of an alert's history as archived; {@code seq} is its position in the history, which only grows. */
public record ArchivedTransition(int seq, String action, String by, Instant at, String from, String to, String outcome,
                                 String note) {
}
