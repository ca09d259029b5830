package org.linli.drivers.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linli.drivers.model.DecodeFailure;

/**
 * An answer declaring a 10 GiB Content-Length is refused from its headers: the client hangs up at once instead of
 * reading until the timeout, and the error names the declared size and the limit. Real HTTP server.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeclaredLengthTest {
    /** Above what loopback socket buffers (tcp_rmem max 32 MiB here) and the client read-ahead can absorb before the
     * client hangs up, far below what reading on until the timeout costs (gigabytes). */
    private static final long MAX_WRITTEN = 48L * 1024 * 1024;
    private OversizedAnswerServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("A SOAP answer declaring 10 GiB is refused as PAYLOAD_TOO_LARGE naming the size, and the connection is dropped unread")
    void soapAnswer() throws Exception {
        server = new OversizedAnswerServer(false);
        SoapTransport t = new SoapTransport(new OnvifCredentials("admin", "admin123"), OnvifClientOptions.defaults());
        OnvifException e = assertThrows(OnvifException.class,
                () -> new OnvifDeviceClient(t, server.uri("/onvif/device_service")).getDeviceInformation());
        assertEquals(OnvifErrorKind.BAD_RESPONSE, e.kind());
        assertEquals(DecodeFailure.PAYLOAD_TOO_LARGE, e.decodeFailure().reason());
        assertTrue(e.getMessage().contains("answer of " + OversizedAnswerServer.DECLARED + " bytes declared, limit "
                + SecureXml.DEFAULT_MAX_BYTES), e.getMessage());
        assertHungUp();
    }

    @Test
    @DisplayName("A snapshot declaring 10 GiB is refused against the snapshot limit, naming the size, and dropped unread")
    void snapshot() throws Exception {
        server = new OversizedAnswerServer(false);
        OnvifClientOptions o = OnvifClientOptions.defaults();
        OnvifException e = assertThrows(OnvifException.class, () -> new SnapshotFetcher(
                new SoapTransport(new OnvifCredentials("admin", "admin123"), o)).fetch(server.uri("/snapshot.jpg")));
        assertEquals(DecodeFailure.PAYLOAD_TOO_LARGE, e.decodeFailure().reason());
        assertTrue(e.getMessage().contains("answer of " + OversizedAnswerServer.DECLARED + " bytes declared, limit "
                + o.maxSnapshotBytes()), e.getMessage());
        assertHungUp();
    }

    @Test
    @DisplayName("A chunked answer with no declared length is cut at the cap, and the connection is dropped")
    void chunkedAnswer() throws Exception {
        server = new OversizedAnswerServer(true);
        SoapTransport t = new SoapTransport(new OnvifCredentials("admin", "admin123"), OnvifClientOptions.defaults());
        OnvifException e = assertThrows(OnvifException.class,
                () -> new OnvifDeviceClient(t, server.uri("/onvif/device_service")).getDeviceInformation());
        assertEquals(DecodeFailure.PAYLOAD_TOO_LARGE, e.decodeFailure().reason());
        assertTrue(e.getMessage().contains("exceeds " + SecureXml.DEFAULT_MAX_BYTES + " bytes"), e.getMessage());
        assertHungUp();
    }

    /** The server saw the connection closed having written no more than socket buffers hold. */
    private void assertHungUp() throws InterruptedException {
        assertTrue(server.hungUp.await(30, TimeUnit.SECONDS), "the client must close the connection");
        assertTrue(server.written.get() <= MAX_WRITTEN, "server wrote " + server.written.get() + " bytes");
    }
}
