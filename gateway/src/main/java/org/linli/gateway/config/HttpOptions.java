package org.linli.gateway.config;

/**
 * The console and API listener. Loopback by default: exposing it is a deliberate act, and then it should be HTTPS:
 * {@code tlsCertFile} (PEM certificate chain) and {@code tlsKeyFile} (PEM key, unencrypted, readable only by the
 * gateway's user) switch the listener to TLS.
 */
public record HttpOptions(String host, Integer port, String publicUrl, String tlsCertFile, String tlsKeyFile) {
    public HttpOptions {
        host = host == null ? "127.0.0.1" : host;
        port = port == null ? 8080 : port;
    }

    /** Plain HTTP. */
    public HttpOptions(String host, Integer port, String publicUrl) {
        this(host, port, publicUrl, null, null);
    }

    public boolean usesTls() {
        return tlsCertFile != null;
    }

    public static HttpOptions defaults() {
        return new HttpOptions(null, null, null);
    }
}
