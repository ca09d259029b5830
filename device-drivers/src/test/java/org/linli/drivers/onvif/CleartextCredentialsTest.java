package org.linli.drivers.onvif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The camera password never goes out as HTTP Basic over plain http unless the camera is opted in
 * (allowBasicOverHttp), on SOAP calls and snapshots alike; Basic over https still works. Real HTTP(S) servers.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CleartextCredentialsTest {
    private static final OnvifCredentials CREDENTIALS = new OnvifCredentials("admin", "admin123");
    private static final String DEVICE = "/onvif/device_service";
    private BasicAuthCamera camera;

    @AfterEach
    void stop() {
        if (camera != null) {
            camera.close();
        }
    }

    private BasicAuthCamera plainHttp(BasicAuthCamera.Challenge challenge) throws Exception {
        camera = new BasicAuthCamera(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8),
                "http", challenge, CREDENTIALS);
        return camera;
    }

    private static SoapTransport transport(boolean allowBasicOverHttp) {
        return new SoapTransport(CREDENTIALS, OnvifClientOptions.defaults().withAllowBasicOverHttp(allowBasicOverHttp));
    }

    @Test
    @DisplayName("A camera asking for Basic over http without the opt-in is refused as INSECURE_AUTH and never receives an Authorization header")
    void basicOverHttpRefused() throws Exception {
        BasicAuthCamera cam = plainHttp(BasicAuthCamera.Challenge.BASIC);
        OnvifException e = assertThrows(OnvifException.class,
                () -> new OnvifDeviceClient(transport(false), cam.uri(DEVICE)).getDeviceInformation());
        assertEquals(OnvifErrorKind.INSECURE_AUTH, e.kind());
        assertTrue(e.getMessage().contains("HTTP Basic over plain http") && e.getMessage().contains("allowBasicOverHttp"),
                e.getMessage());
        assertEquals(List.of(), cam.authorizations, "no credentials may reach the camera");
    }

    @Test
    @DisplayName("A snapshot URI asking for Basic over http without the opt-in is refused and never receives an Authorization header")
    void snapshotBasicOverHttpRefused() throws Exception {
        BasicAuthCamera cam = plainHttp(BasicAuthCamera.Challenge.BASIC);
        OnvifException e = assertThrows(OnvifException.class,
                () -> new SnapshotFetcher(transport(false)).fetch(cam.uri(BasicAuthCamera.SNAPSHOT)));
        assertEquals(OnvifErrorKind.INSECURE_AUTH, e.kind());
        assertEquals(List.of(), cam.authorizations, "no credentials may reach the camera");
    }

    @Test
    @DisplayName("With allowBasicOverHttp the same camera is answered with Basic, for SOAP calls and snapshots")
    void basicOverHttpWithOptIn() throws Exception {
        BasicAuthCamera cam = plainHttp(BasicAuthCamera.Challenge.BASIC);
        SoapTransport t = transport(true);
        assertEquals("HIKVISION", new OnvifDeviceClient(t, cam.uri(DEVICE)).getDeviceInformation().manufacturer());
        assertArrayEquals(BasicAuthCamera.JPEG, new SnapshotFetcher(t).fetch(cam.uri(BasicAuthCamera.SNAPSHOT)));
        assertEquals(2, cam.basicHeaders().size());
    }

    @Test
    @DisplayName("Once Digest is in use, a Basic-only challenge is not followed (no downgrade), even with the opt-in")
    void noDowngradeFromDigest() throws Exception {
        BasicAuthCamera cam = plainHttp(BasicAuthCamera.Challenge.DIGEST_THEN_BASIC);
        for (boolean optIn : new boolean[] {false, true}) {
            OnvifException e = assertThrows(OnvifException.class,
                    () -> new OnvifDeviceClient(transport(optIn), cam.uri(DEVICE)).getDeviceInformation());
            assertEquals(OnvifErrorKind.NOT_AUTHORIZED, e.kind());
        }
        assertEquals(List.of(), cam.basicHeaders(), "no Basic header after a Digest challenge");
        assertTrue(cam.authorizations.stream().allMatch(a -> a.startsWith("Digest ")), cam.authorizations.toString());
    }

    @Test
    @DisplayName("Basic over https needs no opt-in: the password travels inside TLS")
    void basicOverHttpsAllowed(@TempDir Path dir) throws Exception {
        SSLContext tls = selfSignedTls(dir);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        camera = new BasicAuthCamera(server, "https", BasicAuthCamera.Challenge.BASIC, CREDENTIALS);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        SoapTransport t = new SoapTransport(client, CREDENTIALS, OnvifClientOptions.defaults());
        assertEquals("HIKVISION", new OnvifDeviceClient(t, camera.uri(DEVICE)).getDeviceInformation().manufacturer());
        assertEquals(1, camera.basicHeaders().size());
    }

    /** A key pair for 127.0.0.1 made with the JDK's keytool; the same store serves as key and trust material. */
    private static SSLContext selfSignedTls(Path dir) throws Exception {
        Path store = dir.resolve("cam.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "cam", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed: " + output);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return tls;
    }
}
