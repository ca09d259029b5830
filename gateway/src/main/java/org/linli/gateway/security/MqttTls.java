package org.linli.gateway.security;

import org.linli.gateway.config.MqttTlsOptions;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the {@link SSLSocketFactory} for an {@code ssl://} broker from the PEM files named in {@code mqtt.tls}: trust
 * only the given CA (not the JVM's list, when a CA file is given), present a client certificate when one is given, and
 * check the broker's host name against its certificate (as HTTPS does) unless told not to.
 */
public final class MqttTls {
    private MqttTls() {
    }

    /** Null when there are no TLS settings (Paho then uses the JVM's defaults for {@code ssl://}). */
    public static SSLSocketFactory socketFactory(MqttTlsOptions tls, Function<String, String> env) throws GeneralSecurityException {
        if (tls == null) {
            return null;
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers(tls, env), trustManagers(tls), null);
        SSLSocketFactory factory = context.getSocketFactory();
        return tls.verifyHostname() ? new HostnameChecking(factory) : factory;
    }

    private static TrustManager[] trustManagers(MqttTlsOptions tls) throws GeneralSecurityException {
        if (tls.caFile() == null) {
            return null;
        }
        KeyStore store = emptyStore();
        List<X509Certificate> cas = PemFiles.certificates(Path.of(tls.caFile()));
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca-" + i, cas.get(i));
        }
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        return f.getTrustManagers();
    }

    private static KeyManager[] keyManagers(MqttTlsOptions tls, Function<String, String> env) throws GeneralSecurityException {
        if (tls.certFile() == null || tls.keyFile() == null) {
            return null;
        }
        String password = tls.keyPasswordEnv() == null ? null : env.apply(tls.keyPasswordEnv());
        PrivateKey key = PemFiles.privateKey(Path.of(tls.keyFile()), password == null ? null : password.toCharArray());
        List<X509Certificate> chain = PemFiles.certificates(Path.of(tls.certFile()));
        // the in-memory store's own password protects nothing on disk: a fixed one is fine
        char[] storePassword = "linli".toCharArray();
        KeyStore store = emptyStore();
        store.setKeyEntry("client", key, storePassword, chain.toArray(X509Certificate[]::new));
        KeyManagerFactory f = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        f.init(store, storePassword);
        return f.getKeyManagers();
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }

    /** Turns on endpoint identification on every socket, so the handshake fails for a certificate of another host. */
    private static final class HostnameChecking extends SSLSocketFactory {
        private final SSLSocketFactory delegate;

        HostnameChecking(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        private Socket checked(Socket s) {
            if (s instanceof SSLSocket ssl) {
                SSLParameters p = ssl.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(p);
            }
            return s;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return checked(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return checked(delegate.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return checked(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return checked(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return checked(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return checked(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
