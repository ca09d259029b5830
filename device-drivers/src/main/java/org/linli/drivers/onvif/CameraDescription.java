package org.linli.drivers.onvif;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the connect sequence learnt about a camera. snapshotUri and streamUri belong to the main profile (the
 * first one); snapshotUri is empty for cameras that do not support snapshots.
 */
public record CameraDescription(DeviceInformation deviceInformation, ServiceAddresses services,
        List<MediaProfile> profiles, List<VideoSource> videoSources, Optional<URI> snapshotUri, URI streamUri,
        Duration clockOffset) {
    public CameraDescription {
        profiles = List.copyOf(profiles);
        videoSources = List.copyOf(videoSources);
    }

    public MediaProfile mainProfile() {
        return profiles.get(0);
    }
}
