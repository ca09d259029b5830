package org.linli.gateway.camera;

import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.onvif.CameraDescription;
import org.linli.drivers.onvif.OnvifException;

import java.net.URI;
import java.util.List;

/**
 * What a {@link CameraSupervisor} reports. Called on the supervisor's own thread: an implementation that touches
 * gateway state hops to the event loop first (see {@link CameraLink}).
 */
public interface CameraObserver {
    /** The connect sequence succeeded (clock, services, identity, profiles, snapshot URI). */
    void onConnected(CameraDescription description);

    /** A connect attempt failed: the camera is unreachable, or refuses our credentials (kind NOT_AUTHORIZED). */
    void onConnectFailed(OnvifException error);

    /** A new pull-point subscription exists at this address (a fresh one each time, never an old one reused). */
    void onSubscribed(URI address);

    /** The camera answered a PullMessages or Renew: the events channel is alive. */
    void onEventsChannelAlive();

    /** Camera events decoded by the topic profile, in arrival order; never empty. */
    void onEvents(List<DeviceEvent> events);

    /** A connected session ended (the supervisor reconnects); for the status page's last error. */
    void onSessionLost(OnvifException error);
}
