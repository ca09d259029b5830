package org.linli.drivers.onvif;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.linli.drivers.model.DecodeException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Fuzz target: any XML a camera or a WS-Discovery responder sends, through the hardened parser
 * ({@link SecureXml}), SOAP fault typing, notification parsing with the generic topic profile's event mapping,
 * and ProbeMatch parsing. A result, a DecodeException or an OnvifException is fine; any other throwable or a slow
 * input is a finding. Corpus: the golden answers (OnvifXmlFuzzTestInputs/xml).
 */
class OnvifXmlFuzzTest {
    private static final OnvifEventMapper EVENTS = new OnvifEventMapper(OnvifTopicProfile.generic());
    private static final Instant NOW = Instant.parse("2024-05-17T03:04:05Z");
    private static final String PROBE_ID = "urn:uuid:PROBE-ID"; // as in the golden ProbeMatches;

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // guards regression runs; fuzzing runs pass -timeout=2 per input
    void xml(byte[] input) {
        WsDiscoveryProbe.parseMatches(input, PROBE_ID, InetAddress.getLoopbackAddress());
        Document doc;
        try {
            doc = SecureXml.parse(input);
        } catch (DecodeException expected) {
            return;
        }
        SoapFaults.fromEnvelope(doc);
        Element root = SoapEnvelope.bodyContent(doc).orElse(doc.getDocumentElement());
        EVENTS.mapAll("cam1", NotificationParser.parseMessages(root, NOW));
        try {
            EVENTS.mapAll("cam1", NotificationParser.parsePullMessagesResponse(root).messages());
        } catch (OnvifException expected) {
            // a PullMessagesResponse without its times
        }
    }
}
