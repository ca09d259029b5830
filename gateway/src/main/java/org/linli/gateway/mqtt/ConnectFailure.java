package org.linli.gateway.mqtt;

/**
 * Why a connect failed, in one line an operator can act on. Paho wraps the interesting part (a refused certificate,
 * a refused password, a closed port) in a generic MqttException ("Untranslated MqttException - RC: 0"), so the
 * innermost cause is what is shown, and a TLS failure says it is one.
 */
final class ConnectFailure {
    private ConnectFailure() {
    }

    static String describe(Throwable error) {
        String top = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        Throwable root = error;
        boolean tls = false;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            tls |= t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException;
        }
        if (root == error) {
            return top;
        }
        String rootText = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        if (tls) {
            return "TLS handshake failed: " + rootText
                    + " (check mqtt.tls.caFile is the CA that signed the broker's certificate, and that the certificate names the host in mqtt.url)";
        }
        return top.startsWith("Untranslated") ? rootText : top + " (" + rootText + ")";
    }
}
