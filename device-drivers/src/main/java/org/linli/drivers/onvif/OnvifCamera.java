package org.linli.drivers.onvif;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A connected ONVIF camera: the entry point for a camera supervisor. {@link #connect} runs the sequence every
 * ONVIF client runs (clock → services → identity → profiles → video sources → snapshot and stream URIs);
 * afterwards the supervisor subscribes to events and fetches snapshots through this object.
 */
public final class OnvifCamera {
    private final SoapTransport transport;
    private final OnvifEventsClient events;
    private final CameraDescription description;

    private OnvifCamera(SoapTransport transport, OnvifEventsClient events, CameraDescription description) {
        this.transport = transport;
        this.events = events;
        this.description = description;
    }

    /**
     * Connects to the device service at deviceXAddr. Service addresses announced by the camera are rebased onto
     * the host and port we reached, because cameras behind NAT or with a stale IP announce unreachable ones.
     */
    public static OnvifCamera connect(URI deviceXAddr, OnvifCredentials credentials, OnvifClientOptions options)
            throws OnvifException {
        SoapTransport transport = new SoapTransport(credentials, options);
        OnvifDeviceClient device = new OnvifDeviceClient(transport, deviceXAddr);
        Duration offset = device.synchronizeClock();
        ServiceAddresses services = device.getServiceAddresses().rebasedOn(deviceXAddr);
        DeviceInformation info = device.getDeviceInformation();
        URI mediaXAddr = services.media().orElseThrow(() -> new OnvifException(OnvifErrorKind.ACTION_NOT_SUPPORTED,
                "camera " + deviceXAddr + " announces no media service"));
        OnvifMediaClient media = new OnvifMediaClient(transport, mediaXAddr);
        List<MediaProfile> profiles = media.getProfiles();
        if (profiles.isEmpty()) {
            throw new OnvifException(OnvifErrorKind.BAD_RESPONSE, "camera " + deviceXAddr + " has no media profiles");
        }
        List<VideoSource> sources = media.getVideoSources();
        String main = profiles.get(0).token();
        Optional<URI> snapshot = optionalSnapshotUri(media, main);
        URI stream = media.getStreamUri(main);
        OnvifEventsClient events = services.events().map(e -> new OnvifEventsClient(transport, e)).orElse(null);
        return new OnvifCamera(transport, events,
                new CameraDescription(info, services, profiles, sources, snapshot, stream, offset));
    }

    private static Optional<URI> optionalSnapshotUri(OnvifMediaClient media, String profile) throws OnvifException {
        try {
            return Optional.of(media.getSnapshotUri(profile));
        } catch (OnvifException e) {
            if (e.kind() == OnvifErrorKind.ACTION_NOT_SUPPORTED) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public CameraDescription description() {
        return description;
    }

    /** A new pull-point subscription (see OnvifEventsClient); ACTION_NOT_SUPPORTED if there is no events service. */
    public PullPointSubscription subscribe(Duration initialTermination) throws OnvifException {
        if (events == null) {
            throw new OnvifException(OnvifErrorKind.ACTION_NOT_SUPPORTED, "camera announces no events service");
        }
        return events.createPullPointSubscription(initialTermination);
    }

    /** A JPEG from the main profile's snapshot URI. */
    public byte[] snapshot() throws OnvifException {
        URI uri = description.snapshotUri().orElseThrow(() -> new OnvifException(
                OnvifErrorKind.ACTION_NOT_SUPPORTED, "camera does not offer snapshots"));
        return new SnapshotFetcher(transport).fetch(uri);
    }
}
