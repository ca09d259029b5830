package org.linli.gateway.security;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files an installer has (from openssl, certbot, a CA): certificates, and private keys in PKCS#8
 * ({@code BEGIN PRIVATE KEY}, or {@code BEGIN ENCRYPTED PRIVATE KEY} with a password). Errors name the file and
 * the fix, never the password.
 */
public final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519");

    private PemFiles() {
    }

    public static List<X509Certificate> certificates(Path file) throws GeneralSecurityException {
        try (var in = Files.newInputStream(file)) {
            List<X509Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certs.isEmpty()) {
                throw new GeneralSecurityException(file + ": no certificate in the file");
            }
            return certs;
        } catch (IOException e) {
            throw new GeneralSecurityException(file + ": cannot read (" + e.getMessage() + ")");
        } catch (java.security.cert.CertificateException e) {
            throw new GeneralSecurityException(file + ": not a PEM certificate (" + e.getMessage() + ")");
        }
    }

    /** The private key in {@code file}; {@code password} is needed (and only used) for an encrypted key. */
    public static PrivateKey privateKey(Path file, char[] password) throws GeneralSecurityException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new GeneralSecurityException(file + ": cannot read (" + e.getMessage() + ")");
        }
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "PRIVATE KEY":
                    return pkcs8(new PKCS8EncodedKeySpec(der), file);
                case "ENCRYPTED PRIVATE KEY":
                    if (password == null) {
                        throw new GeneralSecurityException(file + ": the key is encrypted; set keyPasswordEnv to the variable holding its password");
                    }
                    return pkcs8(decrypt(der, password, file), file);
                case "RSA PRIVATE KEY", "EC PRIVATE KEY":
                    throw new GeneralSecurityException(file + ": " + m.group(1) + " (traditional format) is not read; convert it: "
                            + "openssl pkcs8 -topk8 -nocrypt -in " + file.getFileName() + " -out key.pk8.pem");
                default:
                    // a certificate or parameters block next to the key: skip
            }
        }
        throw new GeneralSecurityException(file + ": no PEM private key in the file");
    }

    /**
     * Checks {@code file} holds an unencrypted key in a form Vert.x's HTTPS listener reads (PKCS#8, or the traditional
     * RSA/EC forms); an encrypted key cannot be used there, as Vert.x takes no key password.
     */
    public static void checkPlainKey(Path file) throws GeneralSecurityException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new GeneralSecurityException(file + ": cannot read (" + e.getMessage() + ")");
        }
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            if (m.group(1).equals("ENCRYPTED PRIVATE KEY")) {
                throw new GeneralSecurityException(file + ": the key is encrypted; the HTTPS listener needs it unencrypted "
                        + "(openssl pkcs8 -topk8 -nocrypt ...), readable only by the gateway's user");
            }
            if (m.group(1).endsWith("PRIVATE KEY")) {
                return;
            }
        }
        throw new GeneralSecurityException(file + ": no PEM private key in the file");
    }

    private static PKCS8EncodedKeySpec decrypt(byte[] der, char[] password, Path file) throws GeneralSecurityException {
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            // openssl 3 writes PBES2; the JDK names the concrete scheme only in the parameters
            String algorithm = "PBES2".equals(info.getAlgName()) ? info.getAlgParameters().toString() : info.getAlgName();
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password)),
                    info.getAlgParameters());
            return info.getKeySpec(cipher);
        } catch (IOException | GeneralSecurityException e) {
            // the cause may be a padding error: say what it means, without echoing anything secret
            throw new GeneralSecurityException(file + ": cannot decrypt the key (wrong password, or an unsupported scheme)");
        }
    }

    private static PrivateKey pkcs8(PKCS8EncodedKeySpec spec, Path file) throws GeneralSecurityException {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException(file + ": the key is not an RSA, EC or Ed25519 PKCS#8 key");
    }
}
