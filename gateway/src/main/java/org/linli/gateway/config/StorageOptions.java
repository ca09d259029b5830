package org.linli.gateway.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the gateway keeps its files on the edge box: the alert store, the disk queue, snapshots, dead letters; and how
 * many CLOSED or DISMISSED alerts stay in memory (on {@code GET /api/alerts} and the SSE replay): those closed within
 * {@code closedAlertsDays} days, at most {@code closedAlertsInMemory} of them. Older ones stay in the alert store
 * (docs/ALERTS.md, "The alert store and retention").
 */
public record StorageOptions(String dataDir, Integer deadLetterMemory, Integer closedAlertsDays,
                             Integer closedAlertsInMemory) {
    public StorageOptions {
        dataDir = dataDir == null ? "data" : dataDir;
        deadLetterMemory = deadLetterMemory == null ? 1000 : deadLetterMemory;
        closedAlertsDays = closedAlertsDays == null ? 7 : closedAlertsDays;
        closedAlertsInMemory = closedAlertsInMemory == null ? 1000 : closedAlertsInMemory;
    }

    public StorageOptions(String dataDir, Integer deadLetterMemory) {
        this(dataDir, deadLetterMemory, null, null);
    }

    public static StorageOptions defaults() {
        return new StorageOptions(null, null);
    }

    /** Files under {@code dataDir}, the default number of dead letters kept in memory. */
    public static StorageOptions in(String dataDir) {
        return new StorageOptions(dataDir, null);
    }

    /** What is wrong with the retention values, as {@code "storage.x: ..."} lines (none when valid). */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (closedAlertsDays < 0 || closedAlertsDays > 3650) {
            out.add("storage.closedAlertsDays: must be 0..3650 (days a closed alert stays on the console), got "
                    + closedAlertsDays);
        }
        if (closedAlertsInMemory < 0 || closedAlertsInMemory > 100_000) {
            out.add("storage.closedAlertsInMemory: must be 0..100000 (closed alerts kept in memory), got "
                    + closedAlertsInMemory);
        }
        return out;
    }
}
