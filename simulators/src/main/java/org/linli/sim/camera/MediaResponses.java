package org.linli.sim.camera;

import java.util.List;

/**
 * Bodies of the media service answers. Every profile carries a VideoSourceConfiguration whose SourceToken is a
 * real VideoSources token and a VideoEncoderConfiguration: clients such as npm onvif pick the default profile by
 * exactly that pairing and give up ("Unrecognized configuration") without it.
 */
final class MediaResponses {
    static final String VIDEO_SOURCE = "VideoSource_1";

    /** token, name, width, height, bitrate. */
    record SimProfile(String token, String name, int width, int height, int bitrate) {
    }

    static final List<SimProfile> PROFILES = List.of(new SimProfile("Profile_1", "mainStream", 1920, 1080, 4096),
            new SimProfile("Profile_2", "subStream", 640, 360, 512));

    private final String baseUrl;

    MediaResponses(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static boolean knownProfile(String token) {
        return PROFILES.stream().anyMatch(p -> p.token().equals(token));
    }

    String profiles() {
        StringBuilder sb = new StringBuilder("<trt:GetProfilesResponse>");
        PROFILES.forEach(p -> sb.append(profile(p)));
        return sb.append("</trt:GetProfilesResponse>").toString();
    }

    private static String profile(SimProfile p) {
        return "<trt:Profiles fixed=\"true\" token=\"" + p.token() + "\"><tt:Name>" + p.name() + "</tt:Name>"
                + "<tt:VideoSourceConfiguration token=\"VSC_1\"><tt:Name>VideoSourceConfig</tt:Name>"
                + "<tt:UseCount>" + PROFILES.size() + "</tt:UseCount><tt:SourceToken>" + VIDEO_SOURCE
                + "</tt:SourceToken><tt:Bounds x=\"0\" y=\"0\" width=\"1920\" height=\"1080\"/>"
                + "</tt:VideoSourceConfiguration>"
                + "<tt:VideoEncoderConfiguration token=\"VEC_" + p.token() + "\"><tt:Name>" + p.name()
                + "</tt:Name><tt:UseCount>1</tt:UseCount><tt:Encoding>H264</tt:Encoding>"
                + "<tt:Resolution><tt:Width>" + p.width() + "</tt:Width><tt:Height>" + p.height()
                + "</tt:Height></tt:Resolution><tt:Quality>4</tt:Quality>"
                + "<tt:RateControl><tt:FrameRateLimit>25</tt:FrameRateLimit><tt:EncodingInterval>1"
                + "</tt:EncodingInterval><tt:BitrateLimit>" + p.bitrate() + "</tt:BitrateLimit></tt:RateControl>"
                + "<tt:H264><tt:GovLength>50</tt:GovLength><tt:H264Profile>Main</tt:H264Profile></tt:H264>"
                + "<tt:Multicast><tt:Address><tt:Type>IPv4</tt:Type><tt:IPv4Address>0.0.0.0</tt:IPv4Address>"
                + "</tt:Address><tt:Port>0</tt:Port><tt:TTL>1</tt:TTL><tt:AutoStart>false</tt:AutoStart>"
                + "</tt:Multicast><tt:SessionTimeout>PT60S</tt:SessionTimeout></tt:VideoEncoderConfiguration>"
                + "</trt:Profiles>";
    }

    String videoSources() {
        return "<trt:GetVideoSourcesResponse><trt:VideoSources token=\"" + VIDEO_SOURCE + "\">"
                + "<tt:Framerate>25</tt:Framerate><tt:Resolution><tt:Width>1920</tt:Width><tt:Height>1080"
                + "</tt:Height></tt:Resolution></trt:VideoSources></trt:GetVideoSourcesResponse>";
    }

    String snapshotUri(String profileToken) {
        return "<trt:GetSnapshotUriResponse>" + mediaUri(baseUrl + CameraPaths.SNAPSHOT + "?profile=" + profileToken)
                + "</trt:GetSnapshotUriResponse>";
    }

    /** The RTSP URL is announced but not served: the simulator has no RTSP server. */
    String streamUri(String profileToken, String host) {
        return "<trt:GetStreamUriResponse>" + mediaUri("rtsp://" + host + ":554/Streaming/" + profileToken)
                + "</trt:GetStreamUriResponse>";
    }

    private static String mediaUri(String uri) {
        return "<trt:MediaUri><tt:Uri>" + uri.replace("&", "&amp;") + "</tt:Uri>"
                + "<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect>"
                + "<tt:InvalidAfterReboot>false</tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout></trt:MediaUri>";
    }
}
