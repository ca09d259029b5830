package org.linli.centre;

import io.vertx.core.Vertx;
import org.linli.centre.config.CentreConfigLoader;
import org.linli.centre.config.CentreSiteFile;
import org.linli.gateway.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code linli centre --config FILE} ({@code java -jar linli-centre.jar [centre] --config FILE}): loads the centre's
 * site file and deploys one replica. A centre that cannot start (bad site file, port in use, unreadable trust store)
 * prints one line {@code linli centre: cannot start: ...} on stderr and exits 1 at once.
 */
public final class CentreMain {
    private static final Logger LOG = LoggerFactory.getLogger(CentreMain.class);

    private CentreMain() {
    }

    public static void main(String[] args) {
        String config = null;
        for (int i = 0; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) {
                config = args[++i];
            } else if (!"centre".equals(args[i])) {
                cannotStart("unknown argument " + args[i] + " (usage: linli centre --config FILE)", null);
            }
        }
        if (config == null) {
            cannotStart("no site file (usage: linli centre --config FILE)", null);
        }
        CentreSiteFile site;
        try {
            site = CentreConfigLoader.load(Path.of(config), System::getenv);
        } catch (ConfigException e) {
            cannotStart("invalid configuration " + config + ": " + String.join("; ", e.problems()), e);
            return;
        }
        Vertx vertx = Vertx.vertx();
        try {
            Centre.deploy(vertx, site, System::getenv).toCompletionStage().toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            vertx.close();
            cannotStart(String.valueOf(cause.getMessage() == null ? cause : cause.getMessage()), cause);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(8, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // exiting anyway
            }
        }, "linli-centre-stop"));
    }

    private static void cannotStart(String reason, Throwable cause) {
        if (cause != null) {
            LOG.debug("cannot start", cause);
        }
        System.err.println("linli centre: cannot start: " + reason.replaceAll("\\s*\\R\\s*", " "));
        System.exit(1);
    }
}
