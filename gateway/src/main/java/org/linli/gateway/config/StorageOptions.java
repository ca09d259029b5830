package org.linli.gateway.config;

/** Where the gateway keeps its files on the edge box (dead letters today; queue, alerts and snapshots later). */
public record StorageOptions(String dataDir, Integer deadLetterMemory) {
    public StorageOptions {
        dataDir = dataDir == null ? "data" : dataDir;
        deadLetterMemory = deadLetterMemory == null ? 1000 : deadLetterMemory;
    }

    public static StorageOptions defaults() {
        return new StorageOptions(null, null);
    }
}
