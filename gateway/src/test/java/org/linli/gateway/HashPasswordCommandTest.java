package org.linli.gateway;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.auth.PasswordHasher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashPasswordCommandTest {
    @Test
    @DisplayName("hash-password reads the password from stdin and prints only a hash that verifies it")
    void printsVerifiableHash() throws Exception {
        // GIVEN a password piped on stdin
        InputStream in = System.in;
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream("密码 duty123\n".getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            // WHEN the command runs
            int status = GatewayMain.hashPassword();
            // THEN it succeeds and stdout is one line: the hash, which verifies that password and no other
            assertEquals(0, status);
        } finally {
            System.setIn(in);
            System.setOut(out);
        }
        String hash = printed.toString(StandardCharsets.UTF_8).strip();
        assertFalse(hash.contains("\n"), hash);
        assertTrue(hash.startsWith("pbkdf2-sha256$210000$"), hash);
        assertTrue(PasswordHasher.verify("密码 duty123".toCharArray(), hash));
        assertFalse(PasswordHasher.verify("duty123".toCharArray(), hash));
    }
}
