package org.linli.sim.camera;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Where each service of a simulated camera lives, and what it announces about itself. */
final class CameraPaths {
    static final String DEVICE = "/onvif/device_service";
    static final String MEDIA = "/onvif/media_service";
    static final String EVENTS = "/onvif/events_service";
    static final String SUBSCRIPTION = "/onvif/subscription/";
    static final String SNAPSHOT = "/onvif/snapshot.jpg";

    private CameraPaths() {
    }

    static List<String> scopes(CameraSimOptions options) {
        return List.of("onvif://www.onvif.org/type/video_encoder", "onvif://www.onvif.org/Profile/Streaming",
                "onvif://www.onvif.org/hardware/SimCam-1",
                "onvif://www.onvif.org/name/" + URLEncoder.encode(options.name(), StandardCharsets.UTF_8),
                "onvif://www.onvif.org/location/country/china");
    }
}
