package org.linli.drivers.onvif;

/**
 * One media profile from GetProfiles: its token (for GetSnapshotUri/GetStreamUri), which video source it shows
 * and how it is encoded. width/height are 0 when the profile has no video encoder.
 */
public record MediaProfile(String token, String name, String videoSourceToken, String encoding, int width,
        int height) {
}
