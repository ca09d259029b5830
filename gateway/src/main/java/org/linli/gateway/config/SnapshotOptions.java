package org.linli.gateway.config;

/**
 * Snapshot evidence limits: how long and how large one download may be, and how much the store under
 * {@code <dataDir>/snapshots} keeps (oldest deleted first when either limit is passed).
 */
public record SnapshotOptions(Integer timeoutSeconds, Integer maxImageBytes, Integer maxCount, Long maxTotalBytes) {
    public SnapshotOptions {
        timeoutSeconds = timeoutSeconds == null ? 5 : timeoutSeconds;
        maxImageBytes = maxImageBytes == null ? 2 * 1024 * 1024 : maxImageBytes;
        maxCount = maxCount == null ? 2000 : maxCount;
        maxTotalBytes = maxTotalBytes == null ? 500L * 1024 * 1024 : maxTotalBytes;
    }

    public static SnapshotOptions defaults() {
        return new SnapshotOptions(null, null, null, null);
    }
}
