package org.linli.drivers.onvif;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * One device that answered a WS-Discovery Probe.
 *
 * @param endpointReference stable device identity (usually urn:uuid:...), the key to recognise a camera whose IP changed
 * @param xaddrs device service addresses
 * @param scopes onvif://www.onvif.org/... scopes (name, hardware, location)
 * @param from the address the answer came from
 */
public record ProbeMatch(String endpointReference, List<URI> xaddrs, List<String> types, List<String> scopes,
        InetAddress from) {
    public ProbeMatch {
        xaddrs = List.copyOf(xaddrs);
        types = List.copyOf(types);
        scopes = List.copyOf(scopes);
    }
}
