package org.linli.sim.deploy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.archive.ArchiveDatabase;
import org.linli.sim.servers.RequiredTools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The centre tier's PostgreSQL as deployed (docs/DEPLOY.md, "The centre tier"), on the real PostgreSQL 15 of this
 * machine: ssl on with make-certs.sh's certificate, the tier's pg_hba.conf, and the users made by the tier's init
 * script (postgres/initdb/10-linli-archive.sh) from passwords in its environment. PostgreSQL refuses to run as root,
 * so the server and the script run as the {@code postgres} user (runuser), as the image's entrypoint runs them.
 */
class CentreTierPostgresTest {
    private static final Path TIER = Path.of("..", "docker", "centre-tier");
    private static final String ARCHIVE_PASSWORD = "archive-" + Long.toHexString(System.nanoTime());
    private static final String GRAFANA_PASSWORD = "grafana-" + Long.toHexString(System.nanoTime());

    @TempDir
    Path tmp;
    private Path pgDir;
    private Path bin;

    @AfterEach
    void stop() throws Exception {
        if (pgDir != null && Files.exists(pgDir.resolve("data/postmaster.pid"))) {
            asPostgres(List.of(bin.resolve("pg_ctl").toString(), "stop", "-w", "-m", "fast", "-D",
                    pgDir.resolve("data").toString()), Map.of());
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    @DisplayName("the init script's users over TLS only: the archive's owner migrates, Grafana's user reads and cannot write, a plain connection is rejected")
    void archiveUsersOverTlsOnly() throws Exception {
        bin = Path.of("/usr/lib/postgresql/15/bin");
        RequiredTools.require("postgresql-15", Files.isExecutable(bin.resolve("initdb")));
        RequiredTools.require("a 'postgres' user and root (runuser)", run(List.of("id", "-u")).trim().equals("0")
                && new ProcessBuilder("id", "postgres").start().waitFor() == 0);

        // GIVEN a server owned by postgres, started as the compose file starts it: ssl on, the tier's pg_hba.conf
        pgDir = Files.createDirectories(tmp.resolve("pg"));
        Path tls = tmp.resolve("tls");
        CentreTierArtemisNode.run(tmp, List.of("bash", TIER.resolve("make-certs.sh").toAbsolutePath().toString()), Map.of(
                "LINLI_CENTRE_TLS_DIR", tls.toString(), "LINLI_ARTEMIS_NODES", "artemis-1",
                "LINLI_POSTGRES_UID", run(List.of("id", "-u", "postgres")).trim(),
                "LINLI_ARTEMIS_KEYSTORE_PASSWORD", "unused-ks", "LINLI_CENTRE_TRUSTSTORE_PASSWORD", "unused-ts"));
        run(List.of("chmod", "755", tmp.toString(), tls.toString()));
        run(List.of("chown", "postgres:", pgDir.toString()));
        // the postgres user reads copies of the tier's files: the checkout itself may sit where only root can read
        // (a clone in a 0700 temporary directory), and then the server would not start on the original pg_hba.conf
        Path hba = Files.copy(TIER.resolve("postgres/pg_hba.conf"), tmp.resolve("pg_hba.conf"));
        Path initScript = Files.copy(TIER.resolve("postgres/initdb/10-linli-archive.sh"), tmp.resolve("10-linli-archive.sh"));
        int port = CentreTierArtemisNode.freePort();
        asPostgres(List.of(bin.resolve("initdb").toString(), "-D", pgDir.resolve("data").toString(), "-U", "postgres",
                "-E", "UTF8", "--locale=C", "--no-sync"), Map.of());
        String options = String.join(" ", "-p", String.valueOf(port), "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=" + pgDir, "-c", "fsync=off",
                "-c", "ssl=on", "-c", "ssl_cert_file=" + tls.resolve("postgres.pem"),
                "-c", "ssl_key_file=" + tls.resolve("postgres.key"), "-c", "ssl_min_protocol_version=TLSv1.2",
                "-c", "password_encryption=scram-sha-256",
                "-c", "hba_file=" + hba);
        asPostgres(List.of(bin.resolve("pg_ctl").toString(), "start", "-w", "-t", "60", "-D",
                pgDir.resolve("data").toString(), "-l", pgDir.resolve("server.log").toString(), "-o", options), Map.of());

        // WHEN the tier's init script runs over the local socket with the passwords in its environment
        asPostgres(List.of("bash", initScript.toString()),
                Map.of("POSTGRES_USER", "postgres", "PGHOST", pgDir.toString(), "PGPORT", String.valueOf(port),
                        "ARCHIVE_PG_PASSWORD", ARCHIVE_PASSWORD, "ARCHIVE_PG_GRAFANA_PASSWORD", GRAFANA_PASSWORD));

        // THEN the archive's owner connects with TLS verified against the centre CA, and its migrations run
        String base = "jdbc:postgresql://localhost:" + port + "/linli_archive";
        String verified = base + "?sslmode=verify-full&sslrootcert=" + tls.resolve("ca.pem");
        try (ArchiveDatabase db = ArchiveDatabase.open(verified, "linli_archive", ARCHIVE_PASSWORD, 2);
             Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO compound_reachability (compound, dark_from, street, community) "
                    + "VALUES ('x1', now(), 's1', 'c1')");
        }
        // AND Grafana's user reads what Flyway created and may not write
        try (Connection c = DriverManager.getConnection(base + "?sslmode=require", "grafana_reader", GRAFANA_PASSWORD);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM compound_reachability")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            SQLException denied = assertThrows(SQLException.class, () -> st.execute("DELETE FROM alerts"));
            assertEquals("42501", denied.getSQLState(), "permission denied");
        }
        // AND a connection without TLS is rejected, as is a wrong password
        SQLException plain = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(base + "?sslmode=disable", "linli_archive", ARCHIVE_PASSWORD).close());
        assertEquals("28000", plain.getSQLState(), "pg_hba rejects: " + plain.getMessage());
        assertThrows(SQLException.class,
                () -> DriverManager.getConnection(base + "?sslmode=require", "linli_archive", "wrong").close());
    }

    private void asPostgres(List<String> command, Map<String, String> env) throws Exception {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--", "env"));
        env.forEach((k, v) -> full.add(k + "=" + v));
        full.addAll(command);
        run(full);
    }

    private String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            String log = pgDir != null && Files.exists(pgDir.resolve("server.log")) ? Files.readString(pgDir.resolve("server.log")) : "";
            throw new IllegalStateException(command.get(0) + " " + command.subList(1, Math.min(command.size(), 8))
                    + " failed: " + out + "\n" + log);
        }
        return out;
    }
}
