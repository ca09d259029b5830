package org.linli.archive.query;

import java.time.Instant;

/** One archived alert as a query returns it: its columns and the JSON of its highest version. */
public record AlertRow(String street, String community, String compound, String id, String grid, String type,
                       String severity, String state, Instant raisedAt, Instant acceptedAt, Instant onSiteAt,
                       Instant resolvedAt, Instant verifiedAt, String outcome, int escalationLevel, long version,
                       String json) {
}
