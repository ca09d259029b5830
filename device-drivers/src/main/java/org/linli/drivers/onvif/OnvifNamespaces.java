package org.linli.drivers.onvif;

/** XML namespaces of SOAP 1.2, WS-* and ONVIF (DOMAIN.md §6). */
public final class OnvifNamespaces {
    public static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    public static final String DEVICE = "http://www.onvif.org/ver10/device/wsdl";
    public static final String MEDIA = "http://www.onvif.org/ver10/media/wsdl";
    public static final String SCHEMA = "http://www.onvif.org/ver10/schema";
    public static final String EVENTS = "http://www.onvif.org/ver10/events/wsdl";
    public static final String WSNT = "http://docs.oasis-open.org/wsn/b-2";
    public static final String TOPICS = "http://www.onvif.org/ver10/topics";
    public static final String ERROR = "http://www.onvif.org/ver10/error";
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    public static final String WSRF_R = "http://docs.oasis-open.org/wsrf/r-2";
    public static final String WSSE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String WSU =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public static final String PASSWORD_DIGEST =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
    public static final String NONCE_BASE64 =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";
    public static final String WSD = "http://schemas.xmlsoap.org/ws/2005/04/discovery";
    public static final String WSA_2004 = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static final String DISCOVERY_TYPES = "http://www.onvif.org/ver10/network/wsdl";

    private OnvifNamespaces() {
    }
}
