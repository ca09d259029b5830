package org.linli.drivers.onvif;

/**
 * Why an ONVIF call failed, as a supervisor needs to act on it (FIELD-NOTES §4): re-authenticate, recreate the
 * subscription, fall back to another operation, retry later, or count a bad answer.
 */
public enum OnvifErrorKind {
    /** ter:NotAuthorized fault, or HTTP 401 even after we authenticated: wrong credentials or clock. */
    NOT_AUTHORIZED,
    /**
     * The camera asks for HTTP Basic over plain http, which would send the password in cleartext, and the camera
     * is not opted in (allowBasicOverHttp): nothing was sent. Fix the camera (Digest, https) or opt in.
     */
    INSECURE_AUTH,
    /** wsrf-r:ResourceUnknownFault or HTTP 404 on a subscription address: recreate the subscription. */
    RESOURCE_UNKNOWN,
    /** ter:ActionNotSupported (or an unknown operation): use another operation, do not retry. */
    ACTION_NOT_SUPPORTED,
    /** No answer in time (connect, request or snapshot). */
    TIMEOUT,
    /** Connection refused, reset, unreachable, or an unexpected HTTP status. */
    TRANSPORT,
    /** The answer was malformed, hostile or too large XML, or lacked an element we need. */
    BAD_RESPONSE,
    /** Any other SOAP fault (the fault code and reason are in the message). */
    FAULT
}
