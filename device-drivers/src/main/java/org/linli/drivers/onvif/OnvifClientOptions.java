package org.linli.drivers.onvif;

import java.time.Duration;

/**
 * Limits for talking to one camera.
 *
 * @param connectTimeout TCP connect
 * @param requestTimeout a whole ordinary SOAP exchange (PullMessages adds its own long-poll time to this)
 * @param maxResponseBytes cap on a SOAP answer body
 * @param snapshotTimeout a whole snapshot download
 * @param maxSnapshotBytes cap on a snapshot body
 */
public record OnvifClientOptions(Duration connectTimeout, Duration requestTimeout, int maxResponseBytes,
        Duration snapshotTimeout, int maxSnapshotBytes) {

    public static OnvifClientOptions defaults() {
        return new OnvifClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(10), SecureXml.DEFAULT_MAX_BYTES,
                Duration.ofSeconds(10), 4 * 1024 * 1024);
    }

    public OnvifClientOptions withMaxSnapshotBytes(int bytes) {
        return new OnvifClientOptions(connectTimeout, requestTimeout, maxResponseBytes, snapshotTimeout, bytes);
    }

    public OnvifClientOptions withRequestTimeout(Duration timeout) {
        return new OnvifClientOptions(connectTimeout, timeout, maxResponseBytes, snapshotTimeout, maxSnapshotBytes);
    }
}
