package org.linli.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.linli.gateway.camera.CameraDiscovery;
import org.linli.gateway.config.ConfigException;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.sitefile.SiteFiles;
import org.linli.gateway.startup.DataDirLock;
import org.linli.gateway.startup.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The production entry point: {@code run}, {@code check-config}, {@code hash-password} and {@code version}. The demo has its own entry point
 * in the simulators module, so nothing demo-only is on this jar's classpath.
 */
public final class GatewayMain {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayMain.class);
    /** Exit codes of {@code run}: the site file is invalid; something else stopped the start (docs/DEPLOY.md). */
    static final int EXIT_CONFIG = 1;
    static final int EXIT_START = 3;
    private static final int START_TIMEOUT_S = 60;
    /** Longest stop (SIGTERM to exit), kept under Docker's 10 s and the 5 s operators are promised (docs/DEPLOY.md). */
    private static final int STOP_BUDGET_S = 4;

    private GatewayMain() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        Path config = option(args, "--config").map(Path::of).orElse(Path.of("linli.yaml"));
        Path profilesDir = option(args, "--profiles").map(Path::of).orElse(null);
        switch (command) {
            case "run" -> run(config, profilesDir);
            case "check-config" -> System.exit(checkConfig(config, profilesDir));
            case "version" -> System.out.println("linli " + version());
            case "discover" -> System.exit(discover(args, System.out));
            case "hash-password" -> System.exit(hashPassword());
            default -> {
                System.err.println("usage: linli run|check-config [--config FILE] [--profiles DIR] | version | hash-password"
                        + " | discover [--wait 3] [--port 3702] [--host 239.255.255.250]");
                System.exit(2);
            }
        }
    }

    /**
     * Reads a password from the terminal (without echo) or from stdin's first line, and prints the value for a user's
     * {@code passwordHash} in the config. Nothing but the hash goes to stdout, so it can be piped.
     */
    static int hashPassword() throws java.io.IOException {
        char[] password;
        java.io.Console console = System.console();
        if (console != null) {
            password = console.readPassword("password: ");
        } else {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            password = line == null ? null : line.toCharArray();
        }
        if (password == null || password.length == 0) {
            System.err.println("no password given: type it, or pipe it on stdin");
            return 1;
        }
        System.out.println(org.linli.gateway.auth.PasswordHasher.hash(password));
        org.linli.gateway.auth.PasswordHasher.wipe(password);
        return 0;
    }

    static String version() {
        String v = GatewayMain.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    private static SiteConfig load(Path config, VendorProfileCatalog profiles) throws ConfigException {
        return SiteFiles.load(config, profiles.deviceTypes(), System::getenv);
    }

    static int checkConfig(Path config, Path profilesDir) {
        return checkConfig(config, profilesDir, System::getenv, System.out, System.err);
    }

    /**
     * {@code linli check-config}: loads the site file with every check and prints either what the gateway would run
     * with (on {@code out}, exit 0) or every problem sorted by line (on {@code err}, exit 1). {@code env} resolves the
     * environment variables the file names.
     */
    static int checkConfig(Path config, Path profilesDir, java.util.function.Function<String, String> env,
                           java.io.PrintStream out, java.io.PrintStream err) {
        VendorProfileCatalog profiles = VendorProfileCatalog.load(profilesDir);
        try {
            SiteConfig c = SiteFiles.load(config, profiles.deviceTypes(), env);
            SiteDirectory site = SiteDirectory.from(c);
            out.printf("config %s is valid%n", config);
            out.printf("  compound  %s / %s / %s: %d buildings, %d households, %d devices, %d grids%n",
                    c.site().street(), c.site().community(), c.site().compound(), c.site().buildings().size(),
                    site.householdCount(), c.devices().size(), c.grids().size());
            ConnectionSummary.print(c, env, out);
            if (!c.cameras().devices().isEmpty()) {
                out.printf("  cameras   %d (motion windows in %s)%n", c.cameras().devices().size(), c.cameras().timeZone());
            }
            out.printf("  console   %s%n", c.users() == null ? "no users: section, the API needs no login"
                    : c.users().size() + " users, login required");
            return ConnectionSummary.checkTlsMaterial(c, env, err) ? 0 : 1;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** Probes for ONVIF cameras and prints them as YAML for the cameras: section (docs/CAMERAS.md). */
    public static int discover(String[] args, java.io.PrintStream out) {
        try {
            int wait = Integer.parseInt(option(args, "--wait").orElse("3"));
            int port = Integer.parseInt(option(args, "--port").orElse("3702"));
            String host = option(args, "--host").orElse("239.255.255.250");
            var found = CameraDiscovery.probe(new java.net.InetSocketAddress(host, port), java.time.Duration.ofSeconds(wait));
            for (var m : found) {
                out.printf("# found %s at %s%n", m.endpointReference(), m.xaddrs());
            }
            out.print(CameraDiscovery.yaml(found));
            return 0;
        } catch (NumberFormatException e) {
            System.err.println("--wait and --port take whole numbers: " + e.getMessage());
            return 2;
        } catch (java.io.IOException e) {
            System.err.println("probe failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Runs the gateway until SIGTERM. Whatever stops it from starting (config, data directory lock, queue, alert store,
     * HTTP port, ...) ends the process within seconds with one line on stderr and a non-zero code, so that systemd or
     * docker restarts it instead of leaving it half-alive. The log (stdout) gets the details at debug level.
     */
    private static void run(Path config, Path profilesDir) throws InterruptedException {
        VendorProfileCatalog profiles = VendorProfileCatalog.load(profilesDir);
        SiteConfig c;
        try {
            c = load(config, profiles);
        } catch (ConfigException e) {
            cannotStart(EXIT_CONFIG, "invalid configuration " + config + ": " + String.join("; ", e.problems()), e);
            return;
        }
        DataDirLock lock;
        try {
            lock = DataDirLock.acquire(Path.of(c.storage().dataDir()));
        } catch (StartupException e) {
            cannotStart(EXIT_START, StartupException.reason(e), e);
            return;
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(4));
        Gateway gateway = new Gateway(c, profiles, System::getenv, Clock.systemUTC());
        String id;
        try {
            id = vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // a failed verticle has released what it opened (a hung one is cut short by the exit); Vert.x gets 5 s
            awaitQuietly(vertx.close(), 5);
            lock.close();
            cannotStart(EXIT_START, e instanceof TimeoutException ? "start-up did not finish within " + START_TIMEOUT_S
                    + " s" : StartupException.reason(e.getCause()), e);
            return;
        }
        LOG.info("Linli {} running for {}: console and API on {}://{}:{}/", version(), c.site().compound(),
                c.http().usesTls() ? "https" : "http", c.http().host(), gateway.httpPort());
        // SIGTERM/SIGINT: the whole stop fits in STOP_BUDGET_S, under Docker's and systemd's grace before SIGKILL. A part
        // that hangs (a write to a time-series server that stopped answering) is cut short: whatever was not sent is
        // still in the disk queue and goes out after the restart. Vert.x is closed only after a finished undeploy
        // (closing it during one fails with a stack trace).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            if (awaitQuietly(vertx.undeploy(id), STOP_BUDGET_S - 1)) {
                awaitQuietly(vertx.close(), 1);
                LOG.info("stopped");
            } else {
                LOG.warn("stop cut short after {} s; points not yet sent stay in the disk queue for the next start",
                        STOP_BUDGET_S - 1);
            }
            lock.close();
        }, "linli-shutdown"));
        new CountDownLatch(1).await(); // the event loop does the work; the shutdown hook ends the process
    }

    /** One line on stderr, the cause for the debug log, and exit: nothing left running to hold the process. */
    private static void cannotStart(int code, String reason, Throwable cause) {
        LOG.debug("start-up failed", cause);
        System.err.println("linli: cannot start: " + reason.replaceAll("\\s*\\R\\s*", " "));
        System.exit(code);
    }

    /** Waits for {@code done}; true if it succeeded within {@code seconds}. */
    private static boolean awaitQuietly(io.vertx.core.Future<?> done, int seconds) {
        try {
            done.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("not closed cleanly within {} s", seconds, e);
        }
        return false;
    }

    private static java.util.Optional<String> option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return java.util.Optional.of(args[i + 1]);
            }
        }
        return java.util.Optional.empty();
    }
}
