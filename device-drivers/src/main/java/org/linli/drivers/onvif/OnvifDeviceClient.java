package org.linli.drivers.onvif;

import static org.linli.drivers.onvif.OnvifNamespaces.DEVICE;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** The device management service: clock, service addresses, identity. */
public final class OnvifDeviceClient {
    private final SoapTransport transport;
    private final URI xaddr;

    public OnvifDeviceClient(SoapTransport transport, URI deviceXAddr) {
        this.transport = transport;
        this.xaddr = deviceXAddr;
    }

    /** The camera's UTC clock. Sent without credentials: a camera must answer it before we can authenticate. */
    public Instant getSystemDateAndTime() throws OnvifException {
        Element r = transport.call(xaddr, DEVICE + "/GetSystemDateAndTime",
                "<tds:GetSystemDateAndTime/>", List.of(), false, transport.options().requestTimeout(), false);
        Element utc = Dom.descendants(r, "UTCDateTime").stream().findFirst().orElseThrow(
                () -> new OnvifException(OnvifErrorKind.BAD_RESPONSE, "GetSystemDateAndTime: no UTCDateTime"));
        try {
            return LocalDateTime.of(num(utc, "Year"), num(utc, "Month"), num(utc, "Day"), num(utc, "Hour"),
                    num(utc, "Minute"), num(utc, "Second")).toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw new OnvifException(OnvifErrorKind.BAD_RESPONSE, "GetSystemDateAndTime: bad UTCDateTime", e);
        }
    }

    /** Reads the camera clock and sets the transport's clock offset from it; returns camera minus local time. */
    public Duration synchronizeClock() throws OnvifException {
        Instant sent = Instant.now();
        Instant camera = getSystemDateAndTime();
        return transport.clock().calibrate(sent, camera, Instant.now());
    }

    public List<OnvifService> getServices() throws OnvifException {
        Element r = transport.call(xaddr, DEVICE + "/GetServices",
                "<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>");
        List<OnvifService> out = new ArrayList<>();
        for (Element s : Dom.children(r, "Service")) {
            String major = Dom.pathText(s, "Version", "Major");
            String minor = Dom.pathText(s, "Version", "Minor");
            out.add(new OnvifService(Dom.pathText(s, "Namespace"), uri(Dom.pathText(s, "XAddr")),
                    major.isEmpty() ? "" : major + "." + minor));
        }
        return out;
    }

    /** Service addresses from GetServices, falling back to GetCapabilities for cameras without GetServices. */
    public ServiceAddresses getServiceAddresses() throws OnvifException {
        try {
            List<OnvifService> services = getServices();
            return new ServiceAddresses(xaddr, find(services, OnvifNamespaces.MEDIA),
                    find(services, OnvifNamespaces.EVENTS));
        } catch (OnvifException e) {
            if (e.kind() != OnvifErrorKind.ACTION_NOT_SUPPORTED && e.kind() != OnvifErrorKind.FAULT) {
                throw e;
            }
            return getCapabilities();
        }
    }

    public ServiceAddresses getCapabilities() throws OnvifException {
        Element r = transport.call(xaddr, DEVICE + "/GetCapabilities",
                "<tds:GetCapabilities><tds:Category>All</tds:Category></tds:GetCapabilities>");
        Optional<Element> caps = Dom.child(r, "Capabilities");
        if (caps.isEmpty()) {
            throw new OnvifException(OnvifErrorKind.BAD_RESPONSE, "GetCapabilities: no Capabilities");
        }
        Optional<URI> media = optUri(Dom.pathText(caps.get(), "Media", "XAddr"));
        Optional<URI> events = optUri(Dom.pathText(caps.get(), "Events", "XAddr"));
        return new ServiceAddresses(xaddr, media, events);
    }

    public DeviceInformation getDeviceInformation() throws OnvifException {
        Element r = transport.call(xaddr, DEVICE + "/GetDeviceInformation", "<tds:GetDeviceInformation/>");
        return new DeviceInformation(Dom.pathText(r, "Manufacturer"), Dom.pathText(r, "Model"),
                Dom.pathText(r, "FirmwareVersion"), Dom.pathText(r, "SerialNumber"), Dom.pathText(r, "HardwareId"));
    }

    private static Optional<URI> find(List<OnvifService> services, String namespace) {
        return services.stream().filter(s -> s.namespace().equals(namespace)).map(OnvifService::xaddr).findFirst();
    }

    private static int num(Element parent, String name) {
        return Integer.parseInt(Dom.text(parent, name));
    }

    static URI uri(String text) throws OnvifException {
        try {
            return new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new OnvifException(OnvifErrorKind.BAD_RESPONSE, "not a URI: '" + text + "'", e);
        }
    }

    private static Optional<URI> optUri(String text) throws OnvifException {
        // a camera may list several space-separated XAddrs; the first is enough
        String first = text.trim().split("\\s+")[0];
        return first.isEmpty() ? Optional.empty() : Optional.of(uri(first));
    }
}
