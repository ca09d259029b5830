package org.linli.sim.camera;

import java.time.Duration;
import java.util.Objects;

/**
 * How one simulated camera behaves.
 *
 * @param name camera name, drawn on the snapshot and announced in discovery scopes
 * @param username / password the one account the camera accepts
 * @param authMode WS-Security UsernameToken (most cameras), HTTP Digest on every SOAP call, or HTTP Basic on every
 *                 SOAP call and snapshot (old or cheap firmware; the password travels in cleartext over http)
 * @param httpPort 0 picks a free port
 * @param discoveryPort UDP port of the WS-Discovery responder (on loopback unless multicastDiscovery); 0 picks a free
 *                      port, -1 disables it
 * @param eventInterval toggle motion on this schedule; null or zero: only on command
 * @param clockSkew the camera clock minus real time (cameras without NTP drift; clients must correct for it)
 * @param topicPrefix the prefix the camera binds to the ONVIF topics namespace (vendors differ: tns1, tns, onvif)
 * @param maxPullTimeout longest PullMessages wait the camera grants (ONVIF requires at least one minute)
 * @param multicastDiscovery the discovery responder also joins the WS-Discovery group 239.255.255.250 on every
 *                           multicast interface and binds discoveryPort on all addresses (3702 for stock clients),
 *                           as a real camera does; otherwise it answers only unicast on loopback (tests)
 */
public record CameraSimOptions(String name, String username, String password, AuthMode authMode, int httpPort,
        int discoveryPort, Duration eventInterval, Duration clockSkew, String topicPrefix, Duration maxPullTimeout,
        boolean multicastDiscovery) {

    public enum AuthMode { WS_SECURITY, HTTP_DIGEST, HTTP_BASIC }

    public CameraSimOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(authMode, "authMode");
        clockSkew = clockSkew == null ? Duration.ZERO : clockSkew;
        topicPrefix = topicPrefix == null ? "tns1" : topicPrefix;
        maxPullTimeout = maxPullTimeout == null ? Duration.ofSeconds(60) : maxPullTimeout;
    }

    public static CameraSimOptions defaults(String name) {
        return new CameraSimOptions(name, "admin", "admin123", AuthMode.WS_SECURITY, 0, 0, null, Duration.ZERO,
                "tns1", Duration.ofSeconds(60), false);
    }

    public CameraSimOptions withCredentials(String user, String pass) {
        return new CameraSimOptions(name, user, pass, authMode, httpPort, discoveryPort, eventInterval, clockSkew,
                topicPrefix, maxPullTimeout, multicastDiscovery);
    }

    public CameraSimOptions withAuthMode(AuthMode mode) {
        return new CameraSimOptions(name, username, password, mode, httpPort, discoveryPort, eventInterval, clockSkew,
                topicPrefix, maxPullTimeout, multicastDiscovery);
    }

    public CameraSimOptions withPorts(int http, int discovery) {
        return new CameraSimOptions(name, username, password, authMode, http, discovery, eventInterval, clockSkew,
                topicPrefix, maxPullTimeout, multicastDiscovery);
    }

    public CameraSimOptions withEventInterval(Duration interval) {
        return new CameraSimOptions(name, username, password, authMode, httpPort, discoveryPort, interval, clockSkew,
                topicPrefix, maxPullTimeout, multicastDiscovery);
    }

    public CameraSimOptions withClockSkew(Duration skew) {
        return new CameraSimOptions(name, username, password, authMode, httpPort, discoveryPort, eventInterval, skew,
                topicPrefix, maxPullTimeout, multicastDiscovery);
    }

    public CameraSimOptions withTopicPrefix(String prefix) {
        return new CameraSimOptions(name, username, password, authMode, httpPort, discoveryPort, eventInterval,
                clockSkew, prefix, maxPullTimeout, multicastDiscovery);
    }

    public CameraSimOptions withMulticastDiscovery(int port) {
        return new CameraSimOptions(name, username, password, authMode, httpPort, port, eventInterval, clockSkew,
                topicPrefix, maxPullTimeout, true);
    }
}
