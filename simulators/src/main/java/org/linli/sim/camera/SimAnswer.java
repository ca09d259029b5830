package org.linli.sim.camera;

/** An HTTP status and SOAP envelope to send back. */
record SimAnswer(int status, String envelope) {
    static SimAnswer ok(String body, String topicPrefix) {
        return new SimAnswer(200, SimSoap.envelope(body, topicPrefix));
    }

    /** Sender faults travel with HTTP 400, receiver faults with 500 (SOAP 1.2 HTTP binding). */
    static SimAnswer senderFault(String faultEnvelope) {
        return new SimAnswer(400, faultEnvelope);
    }

    static SimAnswer receiverFault(String faultEnvelope) {
        return new SimAnswer(500, faultEnvelope);
    }
}
