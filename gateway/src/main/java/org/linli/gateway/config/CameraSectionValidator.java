package org.linli.gateway.config;

import org.linli.drivers.onvif.OnvifTopicProfile;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Checks the {@code cameras:} section for ConfigValidator: ids unique among all devices, a reachable-looking device
 * service URI, credentials from the environment, covered places that exist, windows and durations that make sense.
 */
final class CameraSectionValidator {
    private final Function<String, String> env;
    private final BiConsumer<String, String> problem;
    private final BiConsumer<String, String> checkLocation;
    private final Function<String, String> where;

    /**
     * @param problem records (path, what is wrong)
     * @param checkLocation checks a location text against the site (text, path), recording its own problems
     * @param where places a path in the file ("line 12") for "first at"
     */
    CameraSectionValidator(Function<String, String> env, BiConsumer<String, String> problem,
                           BiConsumer<String, String> checkLocation, Function<String, String> where) {
        this.env = env;
        this.problem = problem;
        this.checkLocation = checkLocation;
        this.where = where;
    }

    /**
     * Validates the section; {@code deviceIds} holds the ids from {@code devices:}, each with the path of its first
     * use, and receives the camera ids.
     */
    void validate(CamerasOptions c, Map<String, String> deviceIds) {
        try {
            ZoneId.of(c.timeZone());
        } catch (DateTimeException e) {
            problem.accept("cameras.timeZone", "unknown time zone '" + c.timeZone() + "' (e.g. Asia/Shanghai)");
        }
        if (c.reconnectMaxSeconds() < 1) {
            problem.accept("cameras.reconnectMaxSeconds", "must be at least 1");
        }
        SnapshotOptions s = c.snapshots();
        if (s.timeoutSeconds() < 1 || s.maxImageBytes() < 1024 || s.maxCount() < 1 || s.maxTotalBytes() < s.maxImageBytes()) {
            problem.accept("cameras.snapshots", "need timeoutSeconds >= 1, maxImageBytes >= 1024, maxCount >= 1 "
                    + "and maxTotalBytes >= maxImageBytes");
        }
        for (int i = 0; i < c.devices().size(); i++) {
            CameraConfig cam = c.devices().get(i);
            camera(cam, "cameras.devices[" + i + "]" + (cam.id() == null ? "" : " (" + cam.id() + ")"), deviceIds);
        }
    }

    private void camera(CameraConfig cam, String at, Map<String, String> deviceIds) {
        if (require(cam.id(), at + ".id") && deviceIds.putIfAbsent(cam.id(), at + ".id") != null) {
            problem.accept(at + ".id", "id '" + cam.id() + "' is already used by another device or camera; first at "
                    + where.apply(deviceIds.get(cam.id())));
        }
        if (require(cam.xaddr(), at + ".xaddr")) {
            xaddr(cam.xaddr(), at + ".xaddr");
        }
        require(cam.username(), at + ".username");
        if (require(cam.passwordEnv(), at + ".passwordEnv") && env.apply(cam.passwordEnv()) == null) {
            problem.accept(at + ".passwordEnv", "environment variable " + cam.passwordEnv() + " is not set (it holds the camera password)");
        }
        if (!cam.model().matches("[A-Za-z0-9._-]+") || cam.model().contains("..")) {
            problem.accept(at + ".model", "'" + cam.model() + "' is not a topic profile name");
        } else {
            try {
                OnvifTopicProfile.load(cam.model().toLowerCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem.accept(at + ".model", e.getMessage() + " (use generic, or add the file)");
            }
        }
        if (cam.covers().isEmpty()) {
            problem.accept(at + ".covers", "missing: list the places the camera watches (\"7\", \"7-1\" or \"7:gate\")");
        }
        for (int k = 0; k < cam.covers().size(); k++) {
            checkLocation.accept(cam.covers().get(k), at + ".covers[" + k + "]");
        }
        List<TimeWindowConfig> windows = cam.motionWindows();
        for (int k = 0; k < windows.size(); k++) {
            time(windows.get(k).from(), at + ".motionWindows[" + k + "].from");
            time(windows.get(k).to(), at + ".motionWindows[" + k + "].to");
        }
        if (cam.pollTimeoutSeconds() < 1 || cam.pollTimeoutSeconds() > 60) {
            problem.accept(at + ".pollTimeoutSeconds", "must be 1..60 (ONVIF cameras grant at most a minute), got "
                    + cam.pollTimeoutSeconds());
        }
        if (cam.subscriptionSeconds() < 2) {
            problem.accept(at + ".subscriptionSeconds", "must be at least 2, got " + cam.subscriptionSeconds());
        }
    }

    private void xaddr(String text, String at) {
        try {
            URI u = new URI(text.trim());
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                problem.accept(at, "'" + text + "' is not an http(s) URI such as http://192.168.1.64/onvif/device_service");
            }
        } catch (java.net.URISyntaxException e) {
            problem.accept(at, "'" + text + "' is not a URI: " + e.getReason());
        }
    }

    private void time(String text, String at) {
        if (!require(text, at)) {
            return;
        }
        try {
            LocalTime.parse(text.trim());
        } catch (DateTimeException e) {
            problem.accept(at, "'" + text + "' is not a time of day such as \"22:00\"");
        }
    }

    private boolean require(String value, String at) {
        if (value == null || value.isBlank()) {
            problem.accept(at, "missing");
            return false;
        }
        return true;
    }
}
