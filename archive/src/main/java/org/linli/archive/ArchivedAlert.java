package org.linli.archive;

import java.time.Instant;
import java.util.List;

/**
 * One alert version as the archive stores it: the columns of {@code alerts} (the workflow times taken from the
 * version's own history) and its history lines. Built by {@link AlertVersionReader}.
 */
public record ArchivedAlert(CompoundRef where, String id, long version, String grid, String type, String severity,
                            String state, Instant raisedAt, Instant acceptedAt, Instant onSiteAt, Instant resolvedAt,
                            Instant verifiedAt, String outcome, int escalationLevel, String json,
                            List<ArchivedTransition> history) {
    public ArchivedAlert {
        history = List.copyOf(history);
    }

    /** The key the centre and the archive use: ids are unique only within one compound. */
    public String key() {
        return where.compound() + "/" + id;
    }
}
