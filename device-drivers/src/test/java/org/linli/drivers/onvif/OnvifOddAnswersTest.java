package org.linli.drivers.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Answers the ONVIF fuzz targets found to escape the clients as unchecked exceptions, served over real HTTP: each
 * must end in a value or an OnvifException, never in a RuntimeException thrown at the camera supervisor.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OnvifOddAnswersTest {
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

    private void answerWithGoldenEdited(String op, String from, String to) {
        String golden = new String(server.golden(op + "Response.xml"), StandardCharsets.UTF_8);
        server.answer(op, 200, golden.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("A subscription address that is not a URI is BAD_RESPONSE, not IllegalArgumentException from URI.resolve")
    void subscriptionAddressNotAUri() {
        answerWithGoldenEdited("CreatePullPointSubscription", "/onvif/Events/PullSubManager", "/onvif/Event{/PullSub");
        OnvifException e = assertThrows(OnvifException.class, () -> new OnvifEventsClient(transport,
                server.uri("/onvif/Events")).createPullPointSubscription(Duration.ofSeconds(600)));
        assertEquals(OnvifErrorKind.BAD_RESPONSE, e.kind());
    }

    @Test
    @DisplayName("A video source frame rate that is not a number reads as 0, like an unreadable width, not NumberFormatException")
    void framerateNotANumber() throws Exception {
        answerWithGoldenEdited("GetVideoSources", ">25.000000<", ">fast<");
        List<VideoSource> sources = new OnvifMediaClient(transport, server.uri("/onvif/Media")).getVideoSources();
        assertEquals(List.of(new VideoSource("VideoSource_1", 0, 2560, 1440)), sources);
    }
}
