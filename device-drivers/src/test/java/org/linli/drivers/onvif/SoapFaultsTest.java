package org.linli.drivers.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SOAP faults and HTTP failures become the OnvifErrorKind a supervisor acts on. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SoapFaultsTest {
    private GoldenCameraServer server;
    private SoapTransport transport;

    @BeforeEach
    void start() throws Exception {
        server = new GoldenCameraServer();
        transport = new SoapTransport(new OnvifCredentials("admin", "12345"),
                OnvifClientOptions.defaults().withRequestTimeout(Duration.ofMillis(800)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"fault-not-authorized.xml, NOT_AUTHORIZED", "fault-action-not-supported.xml, ACTION_NOT_SUPPORTED",
            "fault-resource-unknown.xml, RESOURCE_UNKNOWN", "fault-invalid-arg.xml, FAULT"})
    @DisplayName("Each golden fault envelope is parsed to its typed kind")
    void faultKinds(String golden, OnvifErrorKind kind) throws Exception {
        OnvifException e = SoapFaults.fromEnvelope(SecureXml.parse(GoldenCameraServer.read(golden))).orElseThrow();
        assertEquals(kind, e.kind(), e.getMessage());
    }

    @ParameterizedTest(name = "HTTP {1} with {0} → {2}")
    @CsvSource({"fault-not-authorized.xml, 400, NOT_AUTHORIZED", "fault-action-not-supported.xml, 500, ACTION_NOT_SUPPORTED",
            "fault-resource-unknown.xml, 400, RESOURCE_UNKNOWN", "fault-invalid-arg.xml, 400, FAULT"})
    @DisplayName("A fault answer over HTTP throws the typed kind, with the camera's reason in the message")
    void faultsOverHttp(String golden, int status, OnvifErrorKind kind) {
        server.answer("GetDeviceInformation", status, GoldenCameraServer.read(golden));
        OnvifException e = assertThrows(OnvifException.class,
                () -> new OnvifDeviceClient(transport, server.uri("/onvif/device_service")).getDeviceInformation());
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("SOAP fault"), e.getMessage());
    }

    @Test
    @DisplayName("HTTP 401 with an HTML page and no usable challenge is NOT_AUTHORIZED")
    void http401() {
        server.answer("GetDeviceInformation", 401, "<html>401</html>".getBytes(StandardCharsets.UTF_8));
        assertEquals(OnvifErrorKind.NOT_AUTHORIZED, assertThrows(OnvifException.class,
                () -> new OnvifDeviceClient(transport, server.uri("/x")).getDeviceInformation()).kind());
    }

    @Test
    @DisplayName("HTTP 404 on a subscription address is RESOURCE_UNKNOWN, on a service address TRANSPORT")
    void http404() {
        server.answer("/onvif/Events/gone", 404, new byte[0]);
        server.answer("/onvif/nothing", 404, new byte[0]);
        PullPointSubscription gone = new PullPointSubscription(transport, server.uri("/onvif/Events/gone"),
                java.time.Instant.now());
        assertEquals(OnvifErrorKind.RESOURCE_UNKNOWN,
                assertThrows(OnvifException.class, () -> gone.renew(Duration.ofSeconds(60))).kind());
        assertEquals(OnvifErrorKind.TRANSPORT, assertThrows(OnvifException.class,
                () -> new OnvifDeviceClient(transport, server.uri("/onvif/nothing")).getDeviceInformation()).kind());
    }

    @Test
    @DisplayName("A camera answering later than the request timeout gives TIMEOUT")
    void timeout() {
        server.answerLate("GetDeviceInformation", 3000);
        assertEquals(OnvifErrorKind.TIMEOUT, assertThrows(OnvifException.class,
                () -> new OnvifDeviceClient(transport, server.uri("/d")).getDeviceInformation()).kind());
    }

    @Test
    @DisplayName("A PullMessages long poll is not cut off by the ordinary request timeout")
    void longPollOutlastsRequestTimeout() throws Exception {
        server.answerLate("PullMessages", 1500); // longer than the 800 ms request timeout, shorter than the poll
        PullPointSubscription s = new PullPointSubscription(transport, server.uri("/onvif/Events/s1"),
                java.time.Instant.now());
        assertEquals(5, s.pullMessages(Duration.ofSeconds(2), 10).messages().size());
    }

    @Test
    @DisplayName("A 200 answer that is not a SOAP envelope is BAD_RESPONSE")
    void notSoap() {
        server.answer("GetDeviceInformation", 200, "<html><body>hello</body></html>".getBytes(StandardCharsets.UTF_8));
        assertEquals(OnvifErrorKind.BAD_RESPONSE, assertThrows(OnvifException.class,
                () -> new OnvifDeviceClient(transport, server.uri("/d")).getDeviceInformation()).kind());
    }
}
