package org.linli.gateway.auth;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Password hashes for console users: PBKDF2-HMAC-SHA256 from the JDK (no extra dependency), encoded as
 * {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>} so the cost can be raised later without breaking
 * stored hashes. 210,000 iterations is OWASP's 2023 figure for this function; fewer are refused at start-up.
 */
public final class PasswordHasher {
    public static final String SCHEME = "pbkdf2-sha256";
    public static final int MIN_ITERATIONS = 210_000;
    public static final int DEFAULT_ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A parsed stored hash. */
    public record Encoded(int iterations, byte[] salt, byte[] hash) {
    }

    private PasswordHasher() {
    }

    public static String hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    public static String hash(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = pbkdf2(password, salt, iterations, HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** True when {@code password} matches {@code stored}; the comparison takes the same time wherever they differ. */
    public static boolean verify(char[] password, String stored) {
        Optional<Encoded> e = parse(stored);
        if (e.isEmpty()) {
            return false;
        }
        byte[] candidate = pbkdf2(password, e.get().salt(), e.get().iterations(), e.get().hash().length);
        return MessageDigest.isEqual(candidate, e.get().hash());
    }

    /** The stored form parsed, or empty when it is not a well-formed hash of this scheme. */
    public static Optional<Encoded> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || salt.length < 8 || hash.length < 16) {
                return Optional.empty();
            }
            return Optional.of(new Encoded(iterations, salt, hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Clears a password after use. */
    public static void wipe(char[] password) {
        Arrays.fill(password, '\0');
    }
}
