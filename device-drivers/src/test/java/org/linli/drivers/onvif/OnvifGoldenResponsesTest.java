package org.linli.drivers.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;
import org.w3c.dom.Element;

/** Realistic camera answers (golden files) are read into the right values. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OnvifGoldenResponsesTest {
    private GoldenCameraServer server;
    private SoapTransport transport;

    @BeforeEach
    void start() throws Exception {
        server = new GoldenCameraServer();
        transport = new SoapTransport(new OnvifCredentials("admin", "12345"), OnvifClientOptions.defaults());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OnvifDeviceClient device() {
        return new OnvifDeviceClient(transport, server.uri("/onvif/device_service"));
    }

    private OnvifMediaClient media() {
        return new OnvifMediaClient(transport, server.uri("/onvif/Media"));
    }

    private static Element body(String golden) throws Exception {
        return SoapEnvelope.bodyContent(SecureXml.parse(GoldenCameraServer.read(golden))).orElseThrow();
    }

    @Test
    @DisplayName("GetSystemDateAndTime's UTCDateTime is read as the camera's UTC instant")
    void systemDateAndTime() throws Exception {
        assertEquals(Instant.parse("2024-05-17T03:04:05Z"), device().getSystemDateAndTime());
    }

    @Test
    @DisplayName("GetServices yields media and events addresses and ignores imaging and vendor services")
    void services() throws Exception {
        ServiceAddresses a = device().getServiceAddresses();
        assertEquals(server.uri("/onvif/Media"), a.media().orElseThrow());
        assertEquals(server.uri("/onvif/Events"), a.events().orElseThrow());
        assertEquals(5, device().getServices().size());
        assertEquals("17.12", device().getServices().get(0).version());
    }

    @Test
    @DisplayName("A camera without GetServices falls back to GetCapabilities for the service addresses")
    void capabilitiesFallback() throws Exception {
        server.answer("GetServices", 500, GoldenCameraServer.read("fault-action-not-supported.xml"));
        ServiceAddresses a = device().getServiceAddresses();
        assertEquals(server.uri("/onvif/Media"), a.media().orElseThrow());
        assertEquals(server.uri("/onvif/Events"), a.events().orElseThrow());
    }

    @Test
    @DisplayName("Announced service addresses are rebased onto the host and port the camera was reached on")
    void rebase() {
        ServiceAddresses announced = new ServiceAddresses(URI.create("http://192.168.1.64/onvif/device_service"),
                java.util.Optional.of(URI.create("http://192.168.1.64/onvif/Media")), java.util.Optional.empty());
        ServiceAddresses r = announced.rebasedOn(URI.create("http://10.8.0.5:8080/onvif/device_service"));
        assertEquals(URI.create("http://10.8.0.5:8080/onvif/Media"), r.media().orElseThrow());
    }

    @Test
    @DisplayName("GetDeviceInformation yields manufacturer, model, firmware and serial number")
    void deviceInformation() throws Exception {
        DeviceInformation i = device().getDeviceInformation();
        assertEquals(new DeviceInformation("HIKVISION", "DS-2CD2143G2-I", "V5.7.3 build 220112",
                "DS-2CD2143G2-I20220301AAWRJ12345678", "88"), i);
    }

    @Test
    @DisplayName("GetProfiles yields each profile's token, video source token, encoding and resolution")
    void profiles() throws Exception {
        assertEquals(List.of(new MediaProfile("Profile_1", "mainStream", "VideoSource_1", "H264", 2560, 1440),
                new MediaProfile("Profile_2", "subStream", "VideoSource_1", "H264", 640, 360)), media().getProfiles());
    }

    @Test
    @DisplayName("GetVideoSources yields token, frame rate and resolution")
    void videoSources() throws Exception {
        assertEquals(List.of(new VideoSource("VideoSource_1", 25.0, 2560, 1440)), media().getVideoSources());
    }

    @Test
    @DisplayName("GetSnapshotUri and GetStreamUri yield the URIs with XML escapes decoded")
    void mediaUris() throws Exception {
        assertEquals(server.uri("/onvif-http/snapshot?Profile_1"), media().getSnapshotUri("Profile_1"));
        assertEquals(URI.create("rtsp://192.168.1.64:554/Streaming/Channels/101?transportmode=unicast&profile=Profile_1"),
                media().getStreamUri("Profile_1"));
    }

    @Test
    @DisplayName("CreatePullPointSubscription yields the address and termination time; Renew and Unsubscribe reach that address")
    void subscriptionLifecycle() throws Exception {
        PullPointSubscription s = new OnvifEventsClient(transport, server.uri("/onvif/Events"))
                .createPullPointSubscription(Duration.ofSeconds(600));
        assertEquals(server.uri("/onvif/Events/PullSubManager_20240517T030405Z_0"), s.address());
        assertEquals(Instant.parse("2024-05-17T03:14:05Z"), s.terminationTime());
        assertEquals(Instant.parse("2024-05-17T03:24:05Z"), s.renew(Duration.ofSeconds(600)));
        PullMessagesResult r = s.pullMessages(Duration.ofSeconds(1), 10);
        assertEquals(5, r.messages().size());
        s.unsubscribe();
    }

    @Test
    @DisplayName("PullMessages notifications yield topic, time, operation and items, and map to MOTION, MOTION, TAMPER")
    void pullMessagesGolden() throws Exception {
        PullMessagesResult r = NotificationParser.parsePullMessagesResponse(body("PullMessagesResponse.xml"));
        assertEquals(Instant.parse("2024-05-17T03:14:05Z"), r.terminationTime());
        NotificationMessage first = r.messages().get(0);
        assertEquals("tns1:RuleEngine/CellMotionDetector/Motion", first.topic());
        assertEquals(Instant.parse("2024-05-17T03:04:58Z"), first.utcTime());
        assertEquals("Changed", first.propertyOperation());
        assertEquals("VideoSource_1", first.source().get("VideoSourceConfigurationToken"));
        assertEquals("true", first.data().get("IsMotion"));
        List<DeviceEvent> events = new OnvifEventMapper(OnvifTopicProfile.generic()).mapAll("cam-1", r.messages());
        // Initialized State=false and the unmapped DigitalInput topic give nothing
        assertEquals(List.of(EventType.MOTION, EventType.MOTION, EventType.TAMPER),
                events.stream().map(DeviceEvent::type).toList());
        assertEquals(Instant.parse("2024-05-17T03:04:58.250Z"), events.get(1).time());
    }

    @Test
    @DisplayName("Topics under another prefix bound to the ONVIF namespace still match; missing UtcTime falls back to CurrentTime")
    void pullMessagesOtherPrefix() throws Exception {
        PullMessagesResult r = NotificationParser.parsePullMessagesResponse(body("PullMessagesResponse-otherprefix.xml"));
        assertEquals("tns:RuleEngine/TamperDetector/Tamper", r.messages().get(0).rawTopic());
        List<DeviceEvent> events = new OnvifEventMapper(OnvifTopicProfile.generic()).mapAll("cam-2", r.messages());
        assertEquals(List.of(new DeviceEvent("cam-2", EventType.TAMPER, Instant.parse("2024-05-17T03:05:00Z"),
                        "tns1:RuleEngine/TamperDetector/Tamper VideoSourceConfigurationToken=00000 IsTamper=true"),
                new DeviceEvent("cam-2", EventType.MOTION_CLEARED, Instant.parse("2024-05-17T03:04:59Z"),
                        "tns1:VideoSource/MotionAlarm Source=00000 State=false")), events);
    }

    @Test
    @DisplayName("Topic normalisation writes any prefix bound to the ONVIF topics namespace as tns1 and keeps vendor prefixes")
    void topicNormalisation() {
        java.util.function.UnaryOperator<String> ns = p -> switch (p) {
            case "onvif", "tns" -> OnvifNamespaces.TOPICS;
            case "tnsaxis" -> "http://www.axis.com/2009/event/topics";
            default -> null;
        };
        assertEquals("tns1:VideoSource/MotionAlarm", OnvifTopic.normalise("onvif:VideoSource/MotionAlarm", ns));
        assertEquals("tns1:VideoSource/MotionAlarm", OnvifTopic.normalise(" tns:VideoSource/tns:MotionAlarm ", ns));
        assertEquals("tnsaxis:CameraApplicationPlatform/VMD",
                OnvifTopic.normalise("tnsaxis:CameraApplicationPlatform/VMD", ns));
        assertEquals("tns2:VideoSource/MotionAlarm", OnvifTopic.normalise("tns2:VideoSource/MotionAlarm", ns));
    }

    @Test
    @DisplayName("ProbeMatches yield endpoint reference, every XAddr and the scopes; answers to other probes are ignored")
    void probeMatches() throws Exception {
        byte[] datagram = GoldenCameraServer.read("ProbeMatches.xml");
        List<ProbeMatch> m = WsDiscoveryProbe.parseMatches(datagram, "urn:uuid:PROBE-ID", InetAddress.getLoopbackAddress());
        assertEquals(1, m.size());
        assertEquals("urn:uuid:4419a000-5c7b-11b2-8000-bcbac0ffee01", m.get(0).endpointReference());
        assertEquals(URI.create("http://192.168.1.64/onvif/device_service"), m.get(0).xaddrs().get(0));
        assertEquals(2, m.get(0).xaddrs().size());
        assertTrue(m.get(0).scopes().contains("onvif://www.onvif.org/location/city/hangzhou"));
        assertTrue(WsDiscoveryProbe.parseMatches(datagram, "urn:uuid:OTHER", InetAddress.getLoopbackAddress()).isEmpty());
    }
}
