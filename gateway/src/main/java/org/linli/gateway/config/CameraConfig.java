package org.linli.gateway.config;

import java.util.List;

/**
 * One ONVIF camera (docs/CAMERAS.md).
 *
 * @param model topic profile name (profiles/onvif/&lt;model&gt;.yaml) deciding which event topics mean motion or
 *              tamper; "generic" when absent
 * @param xaddr the device service URI, e.g. http://192.168.1.64/onvif/device_service
 * @param passwordEnv environment variable holding the camera password (never the password itself)
 * @param covers locations the camera watches: a building "7", a unit "7-1" or an area "7:gate"; the first one is
 *               where the camera itself is filed in the site directory
 * @param motionWindows local time windows in which motion raises an alert (outside them it is only recorded)
 * @param pollTimeoutSeconds PullMessages long-poll time (events are "stale" after twice this without an answer)
 * @param subscriptionSeconds pull-point subscription lifetime, renewed at about 80 %
 * @param allowBasicOverHttp let the password go out as HTTP Basic over plain http (in cleartext) when the camera
 *                           asks for nothing better; default false: such a camera is refused (status NOT_AUTHORIZED)
 */
public record CameraConfig(String id, String name, String model, String xaddr, String username, String passwordEnv,
                           List<String> covers, List<TimeWindowConfig> motionWindows, Integer pollTimeoutSeconds,
                           Integer subscriptionSeconds, Boolean allowBasicOverHttp) {
    public CameraConfig {
        model = model == null || model.isBlank() ? "generic" : model;
        covers = covers == null ? List.of() : List.copyOf(covers);
        motionWindows = motionWindows == null ? List.of() : List.copyOf(motionWindows);
        pollTimeoutSeconds = pollTimeoutSeconds == null ? 30 : pollTimeoutSeconds;
        subscriptionSeconds = subscriptionSeconds == null ? 600 : subscriptionSeconds;
        allowBasicOverHttp = allowBasicOverHttp != null && allowBasicOverHttp;
    }

    /**
     * A camera of the generic topic profile with the default poll and subscription times, not allowed Basic over
     * plain http.
     */
    public static CameraConfig of(String id, String name, String xaddr, String username, String passwordEnv,
                                  List<String> covers) {
        return new CameraConfig(id, name, null, xaddr, username, passwordEnv, covers, null, null, null, null);
    }

    public CameraConfig withModel(String m) {
        return new CameraConfig(id, name, m, xaddr, username, passwordEnv, covers, motionWindows, pollTimeoutSeconds,
                subscriptionSeconds, allowBasicOverHttp);
    }

    public CameraConfig withMotionWindows(List<TimeWindowConfig> windows) {
        return new CameraConfig(id, name, model, xaddr, username, passwordEnv, covers, windows, pollTimeoutSeconds,
                subscriptionSeconds, allowBasicOverHttp);
    }

    /** The PullMessages long-poll time and the subscription lifetime, in seconds. */
    public CameraConfig withTimes(int pollTimeout, int subscription) {
        return new CameraConfig(id, name, model, xaddr, username, passwordEnv, covers, motionWindows, pollTimeout,
                subscription, allowBasicOverHttp);
    }

    public CameraConfig withBasicOverHttp(boolean allowed) {
        return new CameraConfig(id, name, model, xaddr, username, passwordEnv, covers, motionWindows, pollTimeoutSeconds,
                subscriptionSeconds, allowed);
    }
}
