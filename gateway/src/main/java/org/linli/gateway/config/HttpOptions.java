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

    /** Plain HTTP on {@code host:port} (port 0: any free port). */
    public static HttpOptions on(String host, int port) {
        return new HttpOptions(host, port, null, null, null);
    }

    /** The address people open the console at (links in chat messages; https: marks the session cookie Secure). */
    public HttpOptions withPublicUrl(String url) {
        return new HttpOptions(host, port, url, tlsCertFile, tlsKeyFile);
    }

    /** HTTPS with this PEM certificate chain and unencrypted PEM key. */
    public HttpOptions withTls(String certFile, String keyFile) {
        return new HttpOptions(host, port, publicUrl, certFile, keyFile);
    }

    public boolean usesTls() {
        return tlsCertFile != null;
    }

    public static HttpOptions defaults() {
        return new HttpOptions(null, null, null, null, null);
    }
}
