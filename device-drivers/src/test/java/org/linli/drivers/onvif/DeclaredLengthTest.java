package org.linli.drivers.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
    /** Far above any cap, far below 10 GiB: what loopback socket buffers can absorb before the client hangs up. */
    private static final long MAX_WRITTEN = 64L * 1024 * 1024;
    private OversizedAnswerServer server;

    @BeforeEach
    void start() throws Exception {
        server = new OversizedAnswerServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("A SOAP answer declaring 10 GiB is refused as PAYLOAD_TOO_LARGE naming the size, and the connection is dropped unread")
    void soapAnswer() throws Exception {
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
        OnvifClientOptions o = OnvifClientOptions.defaults();
        OnvifException e = assertThrows(OnvifException.class, () -> new SnapshotFetcher(
                new SoapTransport(new OnvifCredentials("admin", "admin123"), o)).fetch(server.uri("/snapshot.jpg")));
        assertEquals(DecodeFailure.PAYLOAD_TOO_LARGE, e.decodeFailure().reason());
        assertTrue(e.getMessage().contains("answer of " + OversizedAnswerServer.DECLARED + " bytes declared, limit "
                + o.maxSnapshotBytes()), e.getMessage());
        assertHungUp();
    }

    /** The server saw the connection closed having written no more than socket buffers hold. */
    private void assertHungUp() throws InterruptedException {
        assertTrue(server.hungUp.await(30, TimeUnit.SECONDS), "the client must close the connection");
        assertTrue(server.written.get() <= MAX_WRITTEN, "server wrote " + server.written.get() + " bytes");
    }
}
