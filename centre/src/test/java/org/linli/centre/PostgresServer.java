package org.linli.centre;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A copy of the archive module's test helper (archive/src/test/.../PostgresServer.java; copied, not shared through
 * a test-jar: see docs/CENTRE.md "The alert archive"). A real PostgreSQL server for tests and the benchmark: {@code initdb} into a temporary directory, {@code pg_ctl start}
 * on a free loopback port, one fresh database per caller, {@code pg_ctl stop} at the end. PostgreSQL refuses to run as
 * root, so when the JVM is root (CI, these machines) every command runs as the {@code postgres} user through
 * {@code runuser}, on a data directory that user owns. Where PostgreSQL is not installed the tests skip, except under
 * {@code -Dlinli.requireExternalTools=true} (CI), where they fail. One server per JVM ({@link #shared}), stopped by a
 * shutdown hook; the blocking commands run on the caller's thread.
 */
public final class PostgresServer implements AutoCloseable {
    private static final String SUPERUSER = "linli";
    private static PostgresServer shared;

    private final Path binDir;
    private final Path dataDir;
    private final boolean asPostgresUser;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path binDir, Path dataDir, boolean asPostgresUser, int port) {
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
    }

    /** The JVM's server, started on first use; skips (or fails in CI) when PostgreSQL is not installed. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "postgres-test-stop"));
        }
        return shared;
    }

    /** Starts a server with extra {@code postgres} options (e.g. {@code -c shared_buffers=256MB}). */
    public static PostgresServer start(List<String> options) {
        Optional<Path> bin = findBinDir();
        require("postgresql", bin.isPresent());
        try {
            boolean root = "0".equals(run(List.of("id", "-u")).trim());
            if (root) {
                require("a 'postgres' user (PostgreSQL refuses to run as root)", exitCode(List.of("id", "postgres")) == 0);
            }
            Path dir = Files.createTempDirectory("linli-pg-");
            if (root) {
                run(List.of("chown", "postgres:", dir.toString()));
            }
            int port = freePort();
            PostgresServer s = new PostgresServer(bin.get(), dir, root, port);
            s.pg(List.of(bin.get().resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", SUPERUSER,
                    "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"));
            List<String> opts = new ArrayList<>(List.of("-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1",
                    "-c", "unix_socket_directories=" + dir, "-c", "max_connections=50"));
            opts.addAll(options);
            s.pg(List.of(bin.get().resolve("pg_ctl").toString(), "start", "-w", "-t", "60", "-D", dir.resolve("data").toString(),
                    "-l", dir.resolve("server.log").toString(), "-o", String.join(" ", opts)));
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("could not start PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** A new, empty database; returns its JDBC URL (user {@link #user()}, no password: trust on loopback). */
    public String createDatabase(String prefix) {
        String name = prefix + "_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), SUPERUSER, "");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return url(name);
    }

    public String user() {
        return SUPERUSER;
    }

    public int port() {
        return port;
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public synchronized void close() {
        if (!Files.exists(dataDir)) {
            return;
        }
        try {
            pg(List.of(binDir.resolve("pg_ctl").toString(), "stop", "-w", "-m", "fast", "-D", dataDir.resolve("data").toString()));
        } catch (IOException | RuntimeException e) {
            System.err.println("PostgreSQL stop failed: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dataDir + ": " + e.getMessage());
        }
    }

    private void pg(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    /** The newest /usr/lib/postgresql/N/bin (Debian), else the directory of an initdb on the PATH. */
    static Optional<Path> findBinDir() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparingInt(b -> versionOf(b.getParent().getFileName().toString())));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                // fall through to the PATH
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path initdb = Path.of(dir, "initdb");
            if (!dir.isEmpty() && Files.isExecutable(initdb)) {
                return Optional.of(initdb.getParent());
            }
        }
        return Optional.empty();
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void require(String what, boolean available) {
        if (available) {
            return;
        }
        String message = what + " is not installed (apt-get install postgresql)";
        if (Boolean.getBoolean("linli.requireExternalTools")) {
            throw new AssertionError(message + ": required in CI");
        }
        Assumptions.abort(message + ": skipping");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int exitCode(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return waitFor(p);
    }

    private static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        int code = waitFor(p);
        if (code != 0) {
            throw new IOException(String.join(" ", command) + " exited " + code + ": " + out);
        }
        return out;
    }

    private static int waitFor(Process p) throws IOException {
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
