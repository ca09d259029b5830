package org.linli.drivers.onvif;

import java.time.Duration;

/**
 * Limits and security choices for talking to one camera.
 *
 * @param connectTimeout TCP connect
 * @param requestTimeout a whole ordinary SOAP exchange (PullMessages adds its own long-poll time to this)
 * @param maxResponseBytes cap on a SOAP answer body (a larger declared Content-Length is refused unread)
 * @param snapshotTimeout a whole snapshot download
 * @param maxSnapshotBytes cap on a snapshot body (likewise refused on the declared length)
 * @param allowBasicOverHttp send the password as HTTP Basic to a camera that asks for it over plain http (the
 *                           password then travels in cleartext); false refuses with INSECURE_AUTH
 */
public record OnvifClientOptions(Duration connectTimeout, Duration requestTimeout, int maxResponseBytes,
        Duration snapshotTimeout, int maxSnapshotBytes, boolean allowBasicOverHttp) {

    public static OnvifClientOptions defaults() {
        return new OnvifClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(10), SecureXml.DEFAULT_MAX_BYTES,
                Duration.ofSeconds(10), 4 * 1024 * 1024, false);
    }

    public OnvifClientOptions withMaxSnapshotBytes(int bytes) {
        return new OnvifClientOptions(connectTimeout, requestTimeout, maxResponseBytes, snapshotTimeout, bytes,
                allowBasicOverHttp);
    }

    public OnvifClientOptions withRequestTimeout(Duration timeout) {
        return new OnvifClientOptions(connectTimeout, timeout, maxResponseBytes, snapshotTimeout, maxSnapshotBytes,
                allowBasicOverHttp);
    }

    public OnvifClientOptions withSnapshots(Duration timeout, int maxBytes) {
        return new OnvifClientOptions(connectTimeout, requestTimeout, maxResponseBytes, timeout, maxBytes,
                allowBasicOverHttp);
    }

    public OnvifClientOptions withAllowBasicOverHttp(boolean allow) {
        return new OnvifClientOptions(connectTimeout, requestTimeout, maxResponseBytes, snapshotTimeout,
                maxSnapshotBytes, allow);
    }
}
