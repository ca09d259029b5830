package org.linli.sim.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test PKI made with openssl in a temp folder: a CA, a server certificate for {@code localhost} only (so dialling
 * 127.0.0.1 fails a host name check), a client certificate whose PKCS#8 key is encrypted with {@code keyPassword},
 * and a second, unrelated CA with its own {@code localhost} server certificate (a broker we must not trust).
 */
public final class TestCertificates {
    public final Path caFile;
    public final Path serverCert;
    public final Path serverKey;
    public final Path clientCert;
    public final Path clientKeyEncrypted;
    public final Path rogueServerCert;
    public final Path rogueServerKey;
    public final String keyPassword;

    private final Path dir;

    private TestCertificates(Path dir, String keyPassword) {
        this.dir = dir;
        this.keyPassword = keyPassword;
        caFile = dir.resolve("ca.pem");
        serverCert = dir.resolve("server.pem");
        serverKey = dir.resolve("server.key");
        clientCert = dir.resolve("client.pem");
        clientKeyEncrypted = dir.resolve("client.enc.key");
        rogueServerCert = dir.resolve("rogue-server.pem");
        rogueServerKey = dir.resolve("rogue-server.key");
    }

    public static boolean available() {
        return Executables.find("openssl").isPresent();
    }

    public static TestCertificates create(Path dir, String keyPassword) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        TestCertificates c = new TestCertificates(dir, keyPassword);
        c.ca("ca");
        c.signed("server", "ca", "localhost", "subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n");
        c.signed("client", "ca", "linli-gateway", "extendedKeyUsage=clientAuth\n");
        c.openssl("pkcs8", "-topk8", "-in", "client.key", "-out", "client.enc.key", "-passout", "pass:" + keyPassword);
        c.ca("rogue-ca");
        c.signed("rogue-server", "rogue-ca", "localhost", "subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n");
        return c;
    }

    private void ca(String name) throws IOException, InterruptedException {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", name + ".key",
                "-out", name + ".pem", "-days", "2", "-subj", "/CN=linli test " + name);
    }

    private void signed(String name, String ca, String cn, String extensions) throws IOException, InterruptedException {
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", name + ".key",
                "-out", name + ".csr", "-subj", "/CN=" + cn);
        Files.writeString(dir.resolve(name + ".ext"), extensions);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + ".key", "-CAcreateserial",
                "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Executables.find("openssl").orElseThrow().toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("openssl " + args[0] + " failed: " + out);
        }
    }
}
