package org.linli.drivers.onvif;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Downloads a JPEG from a GetSnapshotUri address: HTTP GET, with Digest if the camera asks (Basic only where
 * OnvifHttp allows it: the snapshot URI's own scheme decides), bounded by the snapshot timeout and size cap (a
 * camera streaming MJPEG at that URI would otherwise never end; a larger declared length is refused unread).
 */
public final class SnapshotFetcher {
    private final SoapTransport transport;

    public SnapshotFetcher(SoapTransport transport) {
        this.transport = transport;
    }

    public byte[] fetch(URI snapshotUri) throws OnvifException {
        OnvifClientOptions o = transport.options();
        OnvifHttp.Result r = transport.http().exchange("GET", snapshotUri, auth -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(snapshotUri).timeout(o.snapshotTimeout()).GET()
                    .header("Accept", "image/jpeg");
            if (auth != null) {
                b.header("Authorization", auth);
            }
            return b.build();
        }, o.maxSnapshotBytes(), o.snapshotTimeout());
        if (r.status() == 401 || r.status() == 403) {
            throw new OnvifException(OnvifErrorKind.NOT_AUTHORIZED, "snapshot: HTTP " + r.status() + " from " + snapshotUri);
        }
        if (r.status() != 200) {
            throw new OnvifException(OnvifErrorKind.TRANSPORT, "snapshot: HTTP " + r.status() + " from " + snapshotUri);
        }
        return r.body();
    }
}
