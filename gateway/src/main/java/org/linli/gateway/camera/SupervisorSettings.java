package org.linli.gateway.camera;

import org.linli.drivers.onvif.OnvifClientOptions;
import org.linli.drivers.onvif.OnvifCredentials;
import org.linli.drivers.onvif.OnvifTopicProfile;

import java.net.URI;
import java.time.Duration;

/**
 * How one camera supervisor behaves (FIELD-NOTES §4).
 *
 * @param pollTimeout PullMessages long-poll time
 * @param subscription subscription lifetime asked for on create and on every Renew (sent as PT&lt;n&gt;S)
 * @param reconnectMin first wait after a failed connect; doubles up to reconnectMax
 * @param timeoutsBeforeRecreate PullMessages timeouts in a row after which the subscription is recreated
 */
public record SupervisorSettings(String cameraId, URI xaddr, OnvifCredentials credentials, OnvifTopicProfile topics,
                                 Duration pollTimeout, Duration subscription, Duration reconnectMin,
                                 Duration reconnectMax, int timeoutsBeforeRecreate, OnvifClientOptions client) {
    /** Renew when this share of the subscription's remaining lifetime has passed. */
    static final double RENEW_AT = 0.8;
    /** Recreations in a row without one good PullMessages before the whole session is given up and reconnected. */
    static final int MAX_RECREATIONS_IN_A_ROW = 3;
}
