package org.linli.drivers.onvif;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.linli.drivers.model.DecodeException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Sends one SOAP 1.2 request to a camera and returns the body content of the answer, or a typed OnvifException.
 * Adds the WS-Security header (Created on the camera's clock) and handles HTTP Digest (or Basic, where allowed)
 * via OnvifHttp.
 */
public final class SoapTransport {
    private final OnvifHttp http;
    private final OnvifCredentials credentials;
    private final CameraClock clock;
    private final OnvifClientOptions options;

    public SoapTransport(OnvifCredentials credentials, OnvifClientOptions options) {
        this(OnvifHttp.newClient(options.connectTimeout()), credentials, options);
    }

    SoapTransport(HttpClient client, OnvifCredentials credentials, OnvifClientOptions options) {
        this.http = new OnvifHttp(client, credentials, options.allowBasicOverHttp());
        this.credentials = credentials;
        this.clock = new CameraClock();
        this.options = options;
    }

    public CameraClock clock() {
        return clock;
    }

    public OnvifClientOptions options() {
        return options;
    }

    /** An authenticated call with the default request timeout. */
    public Element call(URI endpoint, String action, String body) throws OnvifException {
        return call(endpoint, action, body, List.of(), true, options.requestTimeout(), false);
    }

    /**
     * @param headers extra SOAP header blocks (WS-Addressing for subscription calls)
     * @param authenticate false only for GetSystemDateAndTime, which cameras must answer without credentials
     * @param subscriptionAddress true if a 404 means the subscription is gone (RESOURCE_UNKNOWN)
     */
    public Element call(URI endpoint, String action, String body, List<String> headers, boolean authenticate,
            Duration timeout, boolean subscriptionAddress) throws OnvifException {
        List<String> blocks = new ArrayList<>(headers);
        if (authenticate && credentials != null) {
            blocks.add(0, WsSecurityHeader.create(credentials, clock.now()));
        }
        byte[] envelope = SoapEnvelope.build(blocks, body).getBytes(StandardCharsets.UTF_8);
        String contentType = "application/soap+xml; charset=utf-8; action=\"" + action + "\"";
        OnvifHttp.Result r = http.exchange("POST", endpoint, auth -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(timeout)
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(envelope));
            if (auth != null) {
                b.header("Authorization", auth);
            }
            return b.build();
        }, options.maxResponseBytes(), timeout);
        return interpret(endpoint, action, r, subscriptionAddress);
    }

    private static Element interpret(URI endpoint, String action, OnvifHttp.Result r, boolean subscriptionAddress)
            throws OnvifException {
        String op = action.substring(action.lastIndexOf('/') + 1);
        if (r.status() == 404 && subscriptionAddress) {
            throw new OnvifException(OnvifErrorKind.RESOURCE_UNKNOWN, op + ": subscription " + endpoint + " answered 404");
        }
        Document doc = null;
        if (r.body().length > 0) {
            try {
                doc = SecureXml.parse(r.body());
            } catch (DecodeException e) {
                if (r.status() == 401) {
                    throw new OnvifException(OnvifErrorKind.NOT_AUTHORIZED, op + ": HTTP 401 from " + endpoint);
                }
                throw OnvifException.badResponse(op + " answer from " + endpoint, e);
            }
        }
        if (doc != null) {
            var fault = SoapFaults.fromEnvelope(doc);
            if (fault.isPresent()) {
                throw fault.get();
            }
        }
        if (r.status() == 401 || r.status() == 403) {
            throw new OnvifException(OnvifErrorKind.NOT_AUTHORIZED, op + ": HTTP " + r.status() + " from " + endpoint);
        }
        if (r.status() / 100 != 2) {
            throw new OnvifException(OnvifErrorKind.TRANSPORT, op + ": HTTP " + r.status() + " from " + endpoint);
        }
        if (doc == null) {
            throw new OnvifException(OnvifErrorKind.BAD_RESPONSE, op + ": empty answer from " + endpoint);
        }
        return SoapEnvelope.bodyContent(doc).orElseThrow(() -> new OnvifException(OnvifErrorKind.BAD_RESPONSE,
                op + ": answer from " + endpoint + " is not a SOAP envelope with a body"));
    }

    /** The raw HTTP layer, shared with SnapshotFetcher so snapshots reuse the learnt Digest challenge. */
    OnvifHttp http() {
        return http;
    }
}
