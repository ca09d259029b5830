package org.linli.drivers.onvif;

import static org.linli.drivers.onvif.OnvifNamespaces.NONCE_BASE64;
import static org.linli.drivers.onvif.OnvifNamespaces.PASSWORD_DIGEST;
import static org.linli.drivers.onvif.OnvifNamespaces.WSSE;
import static org.linli.drivers.onvif.OnvifNamespaces.WSU;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/** The WS-Security UsernameToken header with PasswordDigest that ONVIF devices require (ONVIF Core §5.12). */
public final class WsSecurityHeader {
    private static final SecureRandom RANDOM = new SecureRandom();

    private WsSecurityHeader() {
    }

    /** base64(sha1(nonce + created + password)), nonce as raw bytes, created and password as UTF-8. */
    public static String passwordDigest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JDK", e);
        }
    }

    /** A header with a fresh 16-byte nonce, Created taken from the camera's clock. */
    public static String create(OnvifCredentials credentials, Instant cameraNow) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return create(credentials, cameraNow, nonce);
    }

    /** Deterministic form for tests. Created is written to the second, UTC with a trailing Z. */
    public static String create(OnvifCredentials credentials, Instant created, byte[] nonce) {
        String createdText = created.truncatedTo(ChronoUnit.SECONDS).toString();
        return "<wsse:Security s:mustUnderstand=\"1\" xmlns:wsse=\"" + WSSE + "\" xmlns:wsu=\"" + WSU + "\">"
                + "<wsse:UsernameToken>"
                + "<wsse:Username>" + SoapEnvelope.escape(credentials.username()) + "</wsse:Username>"
                + "<wsse:Password Type=\"" + PASSWORD_DIGEST + "\">"
                + passwordDigest(nonce, createdText, credentials.password()) + "</wsse:Password>"
                + "<wsse:Nonce EncodingType=\"" + NONCE_BASE64 + "\">"
                + Base64.getEncoder().encodeToString(nonce) + "</wsse:Nonce>"
                + "<wsu:Created>" + createdText + "</wsu:Created>"
                + "</wsse:UsernameToken></wsse:Security>";
    }
}
