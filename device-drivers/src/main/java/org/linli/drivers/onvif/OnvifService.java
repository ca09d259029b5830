package org.linli.drivers.onvif;

import java.net.URI;

/** One entry of GetServices: a service namespace, where to call it, and its version. */
public record OnvifService(String namespace, URI xaddr, String version) {
}
