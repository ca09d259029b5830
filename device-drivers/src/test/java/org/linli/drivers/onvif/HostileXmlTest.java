package org.linli.drivers.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;

/** Hostile or broken XML from a camera is refused with a typed error, and nothing it points at is read. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileXmlTest {
    private static final String SECRET = "LINLI-SECRET-7f3a9";
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

    private static String envelope(String doctype, String content) {
        return "<?xml version=\"1.0\"?>" + doctype + "<s:Envelope xmlns:s=\"" + OnvifNamespaces.SOAP + "\" xmlns:tds=\""
                + OnvifNamespaces.DEVICE + "\"><s:Body><tds:GetDeviceInformationResponse><tds:Manufacturer>" + content
                + "</tds:Manufacturer></tds:GetDeviceInformationResponse></s:Body></s:Envelope>";
    }

    /** Serves xml as the GetDeviceInformation answer and returns the typed error of the call. */
    private OnvifException callWith(String xml) {
        server.answer("GetDeviceInformation", 200, xml.getBytes(StandardCharsets.UTF_8));
        return assertThrows(OnvifException.class,
                () -> new OnvifDeviceClient(transport, server.uri("/onvif/device_service")).getDeviceInformation());
    }

    @Test
    @DisplayName("An external entity pointing at a local file is refused as HOSTILE_XML and the file's content never appears")
    void externalEntityToLocalFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String xml = envelope("<!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>", "&xxe;");
        OnvifException e = callWith(xml);
        assertEquals(OnvifErrorKind.BAD_RESPONSE, e.kind());
        assertEquals(DecodeFailure.HOSTILE_XML, e.decodeFailure().reason());
        assertFalse(String.valueOf(e.getMessage()).contains(SECRET));
        assertFalse(String.valueOf(e.getCause().getMessage()).contains(SECRET));
    }

    @Test
    @DisplayName("Billion laughs (nested entity expansion) is refused as HOSTILE_XML quickly")
    void billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        dtd.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        DecodeException e = assertThrows(DecodeException.class,
                () -> SecureXml.parse(envelope(dtd.toString(), "&lol9;")));
        assertEquals(DecodeFailure.HOSTILE_XML, e.reason());
        assertEquals(DecodeFailure.HOSTILE_XML, callWith(envelope(dtd.toString(), "&lol9;")).decodeFailure().reason());
    }

    @Test
    @DisplayName("Any DOCTYPE at all, even a harmless one, is refused as HOSTILE_XML")
    void anyDoctype() {
        DecodeException e = assertThrows(DecodeException.class,
                () -> SecureXml.parse(envelope("<!DOCTYPE s:Envelope>", "HIKVISION")));
        assertEquals(DecodeFailure.HOSTILE_XML, e.reason());
    }

    @Test
    @DisplayName("An external DTD is refused without fetching it")
    void externalDtdNotFetched() {
        int before = server.requests.get();
        DecodeException e = assertThrows(DecodeException.class, () -> SecureXml.parse(
                envelope("<!DOCTYPE s:Envelope SYSTEM \"" + server.base() + "/evil.dtd\">", "x")));
        assertEquals(DecodeFailure.HOSTILE_XML, e.reason());
        assertEquals(before, server.requests.get(), "the parser must not have requested the DTD");
    }

    @Test
    @DisplayName("An oversized answer is refused as PAYLOAD_TOO_LARGE without buffering it all")
    void oversizedBody() throws Exception {
        String huge = envelope("", "A".repeat(SecureXml.DEFAULT_MAX_BYTES + 10));
        OnvifException e = callWith(huge);
        assertEquals(OnvifErrorKind.BAD_RESPONSE, e.kind());
        assertEquals(DecodeFailure.PAYLOAD_TOO_LARGE, e.decodeFailure().reason());
        DecodeException capped = assertThrows(DecodeException.class, () -> SecureXml.readCapped(
                new ByteArrayInputStream(new byte[2048]), 1024));
        assertEquals(DecodeFailure.PAYLOAD_TOO_LARGE, capped.reason());
        assertEquals(1024, SecureXml.readCapped(new ByteArrayInputStream(new byte[1024]), 1024).length);
    }

    @Test
    @DisplayName("Truncated XML is refused as MALFORMED_XML")
    void malformed() {
        String cut = envelope("", "HIKVISION");
        OnvifException e = callWith(cut.substring(0, cut.length() - 20));
        assertEquals(OnvifErrorKind.BAD_RESPONSE, e.kind());
        assertEquals(DecodeFailure.MALFORMED_XML, e.decodeFailure().reason());
    }
}
