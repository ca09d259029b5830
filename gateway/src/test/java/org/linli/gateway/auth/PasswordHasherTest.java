package org.linli.gateway.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {
    @Test
    @DisplayName("a hash verifies its own password, refuses another, and is salted (two hashes of one password differ)")
    void roundTrip() {
        // GIVEN a password hashed twice
        String a = PasswordHasher.hash("duty123".toCharArray());
        String b = PasswordHasher.hash("duty123".toCharArray());
        // THEN the format names scheme and cost, and the salts differ
        String[] parts = a.split("\\$");
        assertEquals("pbkdf2-sha256", parts[0]);
        assertTrue(Integer.parseInt(parts[1]) >= 210_000);
        assertNotEquals(a, b);
        // AND each verifies the password and nothing else
        assertTrue(PasswordHasher.verify("duty123".toCharArray(), a));
        assertTrue(PasswordHasher.verify("duty123".toCharArray(), b));
        assertFalse(PasswordHasher.verify("duty124".toCharArray(), a));
        assertFalse(PasswordHasher.verify("".toCharArray(), a));
    }

    @Test
    @DisplayName("a malformed or foreign stored value never verifies")
    void malformed() {
        assertFalse(PasswordHasher.verify("x".toCharArray(), null));
        assertFalse(PasswordHasher.verify("x".toCharArray(), "x"));
        assertFalse(PasswordHasher.verify("x".toCharArray(), "bcrypt$10$abc$def"));
        assertFalse(PasswordHasher.verify("x".toCharArray(), "pbkdf2-sha256$notanumber$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA"));
        assertTrue(PasswordHasher.parse("pbkdf2-sha256$1000$" + "A".repeat(22) + "$" + "A".repeat(43)).isPresent());
    }
}
