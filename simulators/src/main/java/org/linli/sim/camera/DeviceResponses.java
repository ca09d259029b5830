package org.linli.sim.camera;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.linli.drivers.onvif.OnvifNamespaces;

/** Bodies of the device service answers. Media2 is deliberately not announced (clients would prefer it). */
final class DeviceResponses {
    private final CameraSimOptions options;
    private final String baseUrl;

    DeviceResponses(CameraSimOptions options, String baseUrl) {
        this.options = options;
        this.baseUrl = baseUrl;
    }

    String systemDateAndTime(Instant cameraNow) {
        ZonedDateTime t = cameraNow.atZone(ZoneOffset.UTC);
        return "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime>"
                + "<tt:DateTimeType>Manual</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings>"
                + "<tt:TimeZone><tt:TZ>CST-8</tt:TZ></tt:TimeZone>"
                + "<tt:UTCDateTime>" + dateTime(t) + "</tt:UTCDateTime>"
                + "<tt:LocalDateTime>" + dateTime(t.withZoneSameInstant(ZoneOffset.ofHours(8))) + "</tt:LocalDateTime>"
                + "</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>";
    }

    private static String dateTime(ZonedDateTime t) {
        return "<tt:Date><tt:Year>" + t.getYear() + "</tt:Year><tt:Month>" + t.getMonthValue() + "</tt:Month><tt:Day>"
                + t.getDayOfMonth() + "</tt:Day></tt:Date><tt:Time><tt:Hour>" + t.getHour() + "</tt:Hour><tt:Minute>"
                + t.getMinute() + "</tt:Minute><tt:Second>" + t.getSecond() + "</tt:Second></tt:Time>";
    }

    String services() {
        return "<tds:GetServicesResponse>"
                + service(OnvifNamespaces.DEVICE, CameraPaths.DEVICE, 2, 60)
                + service(OnvifNamespaces.MEDIA, CameraPaths.MEDIA, 2, 60)
                + service(OnvifNamespaces.EVENTS, CameraPaths.EVENTS, 2, 60)
                + "</tds:GetServicesResponse>";
    }

    private String service(String ns, String path, int major, int minor) {
        return "<tds:Service><tds:Namespace>" + ns + "</tds:Namespace><tds:XAddr>" + baseUrl + path
                + "</tds:XAddr><tds:Version><tt:Major>" + major + "</tt:Major><tt:Minor>" + minor
                + "</tt:Minor></tds:Version></tds:Service>";
    }

    String capabilities() {
        return "<tds:GetCapabilitiesResponse><tds:Capabilities>"
                + "<tt:Device><tt:XAddr>" + baseUrl + CameraPaths.DEVICE + "</tt:XAddr></tt:Device>"
                + "<tt:Events><tt:XAddr>" + baseUrl + CameraPaths.EVENTS + "</tt:XAddr>"
                + "<tt:WSSubscriptionPolicySupport>false</tt:WSSubscriptionPolicySupport>"
                + "<tt:WSPullPointSupport>true</tt:WSPullPointSupport>"
                + "<tt:WSPausableSubscriptionManagerInterfaceSupport>false</tt:WSPausableSubscriptionManagerInterfaceSupport>"
                + "</tt:Events>"
                + "<tt:Media><tt:XAddr>" + baseUrl + CameraPaths.MEDIA + "</tt:XAddr><tt:StreamingCapabilities>"
                + "<tt:RTPMulticast>false</tt:RTPMulticast><tt:RTP_TCP>true</tt:RTP_TCP><tt:RTP_RTSP_TCP>true"
                + "</tt:RTP_RTSP_TCP></tt:StreamingCapabilities></tt:Media>"
                + "</tds:Capabilities></tds:GetCapabilitiesResponse>";
    }

    String deviceInformation(String serial) {
        return "<tds:GetDeviceInformationResponse><tds:Manufacturer>Linli</tds:Manufacturer>"
                + "<tds:Model>SimCam-1</tds:Model><tds:FirmwareVersion>1.0.0-sim</tds:FirmwareVersion>"
                + "<tds:SerialNumber>" + serial + "</tds:SerialNumber><tds:HardwareId>SIM-HW-1</tds:HardwareId>"
                + "</tds:GetDeviceInformationResponse>";
    }

    String scopes() {
        StringBuilder sb = new StringBuilder("<tds:GetScopesResponse>");
        for (String scope : CameraPaths.scopes(options)) {
            sb.append("<tds:Scopes><tt:ScopeDef>Fixed</tt:ScopeDef><tt:ScopeItem>").append(scope)
                    .append("</tt:ScopeItem></tds:Scopes>");
        }
        return sb.append("</tds:GetScopesResponse>").toString();
    }
}
