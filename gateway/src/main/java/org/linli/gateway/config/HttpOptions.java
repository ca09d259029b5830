package org.linli.gateway.config;

/** The console and API listener. Loopback by default: exposing it is a deliberate act. */
public record HttpOptions(String host, Integer port, String publicUrl) {
    public HttpOptions {
        host = host == null ? "127.0.0.1" : host;
        port = port == null ? 8080 : port;
    }

    public static HttpOptions defaults() {
        return new HttpOptions(null, null, null);
    }
}
