package org.linli.gateway.config;

/** Where the gateway keeps its files on the edge box: the alert store, the disk queue, snapshots, dead letters. */
public record StorageOptions(String dataDir, Integer deadLetterMemory) {
    public StorageOptions {
        dataDir = dataDir == null ? "data" : dataDir;
        deadLetterMemory = deadLetterMemory == null ? 1000 : deadLetterMemory;
    }

    public static StorageOptions defaults() {
        return new StorageOptions(null, null);
    }

    /** Files under {@code dataDir}, the default number of dead letters kept in memory. */
    public static StorageOptions in(String dataDir) {
        return new StorageOptions(dataDir, null);
    }
}
