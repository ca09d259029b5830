package org.linli.gateway.camera;

/** How a camera is doing, as the status page and the alerts see it. */
public enum CameraStatus {
    /** Not connected yet since start-up. */
    CONNECTING,
    /** Connected, and (if it has an events service) the subscription answers. */
    ONLINE,
    /** The last connect attempt failed: unreachable, no answer, or an answer we cannot use. */
    OFFLINE,
    /**
     * The camera refuses our credentials (or our clock): fix username/passwordEnv; or we refuse to send them,
     * because it asks for HTTP Basic over plain http (see allowBasicOverHttp). Retried slowly.
     */
    NOT_AUTHORIZED,
    /** Connected, but no PullMessages answer for twice the poll timeout. */
    EVENTS_STALE;

    /** The states in which the camera is of no use: one CAMERA_OFFLINE alert covers them all. */
    boolean unusable() {
        return this == OFFLINE || this == NOT_AUTHORIZED;
    }
}
