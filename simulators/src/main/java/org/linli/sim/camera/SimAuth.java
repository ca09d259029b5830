package org.linli.sim.camera;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.linli.drivers.onvif.Dom;
import org.linli.drivers.onvif.HttpDigestAuth;
import org.linli.drivers.onvif.OnvifException;
import org.linli.drivers.onvif.WsSecurityHeader;
import org.linli.drivers.onvif.XsdTime;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks credentials the way cameras do: WS-Security UsernameToken against the camera clock, HTTP Digest, or HTTP
 * Basic (counting every Basic header received, so a test can tell whether a client ever sent the password).
 * Called from the HTTP server's worker threads.
 */
final class SimAuth {
    static final String REALM = "linli-sim";
    /** Cameras reject tokens created too far from their clock; this is the usual tolerance. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CameraSimOptions options;
    private final Supplier<Instant> cameraClock;
    private final AtomicInteger basicReceived = new AtomicInteger();
    private final Set<String> issuedNonces = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 256;
                }
            }));

    SimAuth(CameraSimOptions options, Supplier<Instant> cameraClock) {
        this.options = options;
        this.cameraClock = cameraClock;
    }

    /** True if the envelope carries a UsernameToken for our user with the right digest (or plain password). */
    boolean wsSecurityOk(Document envelope) {
        Element token = Dom.descendants(envelope.getDocumentElement(), "UsernameToken").stream().findFirst()
                .orElse(null);
        if (token == null || !options.username().equals(Dom.text(token, "Username"))) {
            return false;
        }
        Element password = Dom.descendants(token, "Password").stream().findFirst().orElse(null);
        if (password == null) {
            return false;
        }
        String given = password.getTextContent().trim();
        if (Dom.attr(password, "Type").endsWith("#PasswordText")) {
            return options.password().equals(given);
        }
        String created = Dom.text(token, "Created");
        try {
            byte[] nonce = Base64.getDecoder().decode(Dom.text(token, "Nonce"));
            Instant createdAt = XsdTime.parse(created);
            if (Duration.between(createdAt, cameraClock.get()).abs().compareTo(CLOCK_TOLERANCE) > 0) {
                return false;
            }
            return WsSecurityHeader.passwordDigest(nonce, created, options.password()).equals(given);
        } catch (IllegalArgumentException | OnvifException e) {
            return false;
        }
    }

    /** True if the Authorization header is a valid Digest answer to one of our challenges. */
    boolean digestOk(String authorization, String method) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            return false;
        }
        Map<String, String> p = HttpDigestAuth.parseParams(authorization.substring(7));
        if (!options.username().equals(p.get("username")) || !issuedNonces.contains(p.get("nonce"))
                || p.get("response") == null) {
            return false;
        }
        return HttpDigestAuth.expectedResponse(p, method, options.password()).equalsIgnoreCase(p.get("response"));
    }

    /** True if the Authorization header is Basic with our user and password. Counts every Basic header. */
    boolean basicOk(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        basicReceived.incrementAndGet();
        String expected = Base64.getEncoder().encodeToString(
                (options.username() + ":" + options.password()).getBytes(StandardCharsets.UTF_8));
        return expected.equals(authorization.substring(6).trim());
    }

    /** Basic Authorization headers received since start. */
    int basicReceived() {
        return basicReceived.get();
    }

    /** The WWW-Authenticate value of a camera that only knows Basic. */
    String basicChallenge() {
        return "Basic realm=\"" + REALM + "\"";
    }

    /** A WWW-Authenticate value with a fresh nonce. */
    String challenge() {
        byte[] n = new byte[16];
        RANDOM.nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        issuedNonces.add(nonce);
        return "Digest realm=\"" + REALM + "\", qop=\"auth\", nonce=\"" + nonce + "\", opaque=\"5ccc069c403ebaf9\", "
                + "algorithm=MD5";
    }
}
