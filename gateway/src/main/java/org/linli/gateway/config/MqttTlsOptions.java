package org.linli.gateway.config;

/**
 * TLS to the broker ({@code ssl://host:8883}). {@code caFile}: the PEM certificate(s) of the CA that signed the
 * broker's certificate (absent: the JVM's default trust store). {@code certFile} + {@code keyFile}: an optional client
 * certificate and its PKCS#8 PEM key; {@code keyPasswordEnv} names the variable holding the key's password when the
 * key is encrypted. {@code verifyHostname} (default true) checks the broker's certificate names the host we dialled.
 */
public record MqttTlsOptions(String caFile, String certFile, String keyFile, String keyPasswordEnv,
                             Boolean verifyHostname) {
    public MqttTlsOptions {
        verifyHostname = verifyHostname == null ? Boolean.TRUE : verifyHostname;
    }

    /** Trust the broker certificates signed by the CA(s) in {@code caFile}; no client certificate; names verified. */
    public static MqttTlsOptions trusting(String caFile) {
        return new MqttTlsOptions(caFile, null, null, null, true);
    }
}
