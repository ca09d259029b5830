package org.linli.drivers.onvif;

import java.net.URI;
import java.util.Optional;

/**
 * Where the device, media and events services of one camera live, from GetServices or GetCapabilities.
 * Cameras behind NAT or with a wrong configured IP announce unreachable hosts; see {@link #rebasedOn(URI)}.
 */
public record ServiceAddresses(URI device, Optional<URI> media, Optional<URI> events) {

    /** Keeps each service's path but uses the host and port we actually reached the device service on. */
    public ServiceAddresses rebasedOn(URI reached) {
        return new ServiceAddresses(rebase(device, reached), media.map(u -> rebase(u, reached)),
                events.map(u -> rebase(u, reached)));
    }

    static URI rebase(URI announced, URI reached) {
        try {
            return new URI(reached.getScheme(), announced.getRawUserInfo(), reached.getHost(), reached.getPort(),
                    announced.getPath(), announced.getQuery(), null);
        } catch (java.net.URISyntaxException e) {
            return announced;
        }
    }
}
