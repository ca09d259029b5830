package org.linli.centre.broker;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

/** The socket factory for {@code ssl://} broker nodes from {@code broker.trustStore} (PKCS12 or JKS). Start-up only. */
public final class BrokerTls {
    private BrokerTls() {
    }

    /** Null without a trust store: Paho then uses the JVM's default trust for ssl:// URLs. */
    public static SocketFactory from(String trustStore, char[] password) throws Exception {
        if (trustStore == null) {
            return null;
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(Path.of(trustStore))) {
            ks.load(in, password);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl.getSocketFactory();
    }
}
