package org.linli.gateway;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckConfigCommandTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "xingfuli.yaml");
    private static final String USERS = "users:\n"
            + "  - {id: duty, name: 值班员, role: operator, passwordHash: \"h1\"}\n"
            + "  - {id: night, name: 夜班, role: operator, passwordHash: \"h2\"}\n"
            + "  - {id: day, name: 日班, role: operator, passwordHash: \"h3\"}\n";

    /** What check-config printed and returned. */
    private record Outcome(int status, String out, String err) {
    }

    private static Outcome checkConfig(Path file) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            int status = GatewayMain.checkConfig(file, null);
            return new Outcome(status, printed.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static Path exampleWith(Path dir, String appended) throws Exception {
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, Files.readString(EXAMPLE) + appended);
        return file;
    }

    @Test
    @DisplayName("check-config exits 1 on a second devices: section and names both lines, instead of calling it valid")
    void secondDevicesSection(@TempDir Path dir) throws Exception {
        // GIVEN the shipped example with one device pasted again as a second devices: section
        Path file = exampleWith(dir, "devices:\n"
                + "  - {id: \"866123040001501\", type: gas_alarm, profile: acme-gas-flat, location: 3-2-501}\n");
        int lines = (int) Files.readString(file).lines().count();
        // WHEN checked
        Outcome o = checkConfig(file);
        // THEN it fails with both lines and says nothing is valid
        assertEquals(1, o.status(), o.err());
        assertTrue(o.err().contains("line " + (lines - 1) + ": devices: duplicate key; first at line 122"), o.err());
        assertFalse(o.out().contains("is valid"), o.out());
    }

    @Test
    @DisplayName("check-config exits 1 on a second users: section and names both lines")
    void secondUsersSection(@TempDir Path dir) throws Exception {
        Path file = exampleWith(dir, USERS + "users:\n  - {id: duty, name: 值班员, role: operator, passwordHash: \"h1\"}\n");
        int lines = (int) Files.readString(file).lines().count();
        Outcome o = checkConfig(file);
        assertEquals(1, o.status(), o.err());
        assertTrue(o.err().contains("line " + (lines - 1) + ": users: duplicate key; first at line " + (lines - 5)), o.err());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @DisplayName("check-config exits 1 at once on a 2 GiB file, with one line naming its size and the limit")
    void oversizedFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.yaml");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(2L * 1024 * 1024 * 1024);
        }
        Outcome o = checkConfig(file);
        assertEquals(1, o.status(), o.err());
        assertTrue(o.err().contains("the file is 2.0 GiB (2,147,483,648 bytes); a site file may be at most 4.0 MiB"), o.err());
    }
}
