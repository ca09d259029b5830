package org.linli.sim.camera;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.onvif.Dom;
import org.linli.drivers.onvif.OnvifClientOptions;
import org.linli.drivers.onvif.OnvifCredentials;
import org.linli.drivers.onvif.SoapTransport;
import org.w3c.dom.Element;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14.11: GetEventProperties describes the topics the simulator raises, with the data item each carries. */
class EventPropertiesTest {

    @Test
    @DisplayName("GetEventProperties lists the motion and tamper topics with IsMotion / IsTamper as boolean data")
    void topicSetNamesTheEventsSent() throws Exception {
        // GIVEN a simulated camera
        try (SimulatedCamera cam = new SimulatedCamera(CameraSimOptions.defaults("Props").withPorts(0, -1)).start()) {
            SoapTransport soap = new SoapTransport(new OnvifCredentials("admin", "admin123"),
                    OnvifClientOptions.defaults());
            // WHEN a client asks its events service for the event properties
            Element body = soap.call(URI.create("http://127.0.0.1:" + cam.httpPort() + CameraPaths.EVENTS),
                    "http://www.onvif.org/ver10/events/wsdl/EventPortType/GetEventPropertiesRequest",
                    "<tev:GetEventProperties xmlns:tev=\"http://www.onvif.org/ver10/events/wsdl\"/>");
            // THEN the topic set holds RuleEngine/CellMotionDetector/Motion and RuleEngine/TamperDetector/Tamper
            Element set = Dom.descendants(body, "TopicSet").get(0);
            Element ruleEngine = Dom.child(set, "RuleEngine").orElseThrow();
            Element motion = Dom.path(ruleEngine, "CellMotionDetector", "Motion").orElseThrow();
            Element tamper = Dom.path(ruleEngine, "TamperDetector", "Tamper").orElseThrow();
            // AND each leaf is a topic whose message carries its boolean state
            for (Element leaf : List.of(motion, tamper)) {
                assertEquals("true", leaf.getAttributeNS("http://docs.oasis-open.org/wsn/t-1", "topic"));
            }
            assertEquals("IsMotion", dataItem(motion).getAttribute("Name"));
            assertEquals("xs:boolean", dataItem(motion).getAttribute("Type"));
            assertEquals("IsTamper", dataItem(tamper).getAttribute("Name"));
            assertTrue(body.getOwnerDocument().getDocumentElement().lookupNamespaceURI("tns1") != null,
                    "the topic prefix is bound");
        }
    }

    private static Element dataItem(Element leaf) {
        return Dom.path(leaf, "MessageDescription", "Data", "SimpleItemDescription").orElseThrow();
    }
}
