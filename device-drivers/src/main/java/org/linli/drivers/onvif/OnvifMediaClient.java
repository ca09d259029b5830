package org.linli.drivers.onvif;

import static org.linli.drivers.onvif.OnvifNamespaces.MEDIA;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** The media service (ver10): profiles, video sources, snapshot and stream URIs. */
public final class OnvifMediaClient {
    private final SoapTransport transport;
    private final URI xaddr;

    public OnvifMediaClient(SoapTransport transport, URI mediaXAddr) {
        this.transport = transport;
        this.xaddr = mediaXAddr;
    }

    public List<MediaProfile> getProfiles() throws OnvifException {
        Element r = transport.call(xaddr, MEDIA + "/GetProfiles", "<trt:GetProfiles/>");
        List<MediaProfile> out = new ArrayList<>();
        for (Element p : Dom.children(r, "Profiles")) {
            out.add(new MediaProfile(Dom.attr(p, "token"), Dom.pathText(p, "Name"),
                    Dom.pathText(p, "VideoSourceConfiguration", "SourceToken"),
                    Dom.pathText(p, "VideoEncoderConfiguration", "Encoding"),
                    intOr0(Dom.pathText(p, "VideoEncoderConfiguration", "Resolution", "Width")),
                    intOr0(Dom.pathText(p, "VideoEncoderConfiguration", "Resolution", "Height"))));
        }
        return out;
    }

    public List<VideoSource> getVideoSources() throws OnvifException {
        Element r = transport.call(xaddr, MEDIA + "/GetVideoSources", "<trt:GetVideoSources/>");
        List<VideoSource> out = new ArrayList<>();
        for (Element v : Dom.children(r, "VideoSources")) {
            out.add(new VideoSource(Dom.attr(v, "token"), doubleOr0(Dom.pathText(v, "Framerate")),
                    intOr0(Dom.pathText(v, "Resolution", "Width")), intOr0(Dom.pathText(v, "Resolution", "Height"))));
        }
        return out;
    }

    public URI getSnapshotUri(String profileToken) throws OnvifException {
        Element r = transport.call(xaddr, MEDIA + "/GetSnapshotUri", "<trt:GetSnapshotUri><trt:ProfileToken>"
                + SoapEnvelope.escape(profileToken) + "</trt:ProfileToken></trt:GetSnapshotUri>");
        return mediaUri(r, "GetSnapshotUri");
    }

    /** The RTSP URI for unicast RTP over RTSP, the transport every Profile S camera supports. */
    public URI getStreamUri(String profileToken) throws OnvifException {
        Element r = transport.call(xaddr, MEDIA + "/GetStreamUri", "<trt:GetStreamUri><trt:StreamSetup>"
                + "<tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport>"
                + "</trt:StreamSetup><trt:ProfileToken>" + SoapEnvelope.escape(profileToken)
                + "</trt:ProfileToken></trt:GetStreamUri>");
        return mediaUri(r, "GetStreamUri");
    }

    private static URI mediaUri(Element response, String op) throws OnvifException {
        String uri = Dom.pathText(response, "MediaUri", "Uri");
        if (uri.isEmpty()) {
            throw new OnvifException(OnvifErrorKind.BAD_RESPONSE, op + ": no MediaUri/Uri");
        }
        return OnvifDeviceClient.uri(uri);
    }

    private static double doubleOr0(String s) {
        try {
            return s.isEmpty() ? 0 : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int intOr0(String s) {
        try {
            return s.isEmpty() ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
