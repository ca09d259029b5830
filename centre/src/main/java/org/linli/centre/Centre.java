package org.linli.centre;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.linli.centre.archive.CentreArchive;
import org.linli.centre.broker.AckWhenAll;
import org.linli.centre.broker.BrokerLink;
import org.linli.centre.broker.BrokerTls;
import org.linli.centre.broker.Intake;
import org.linli.centre.command.CommandRelay;
import org.linli.centre.command.ResendAll;
import org.linli.centre.config.BrokerOptions;
import org.linli.centre.config.CentreSiteFile;
import org.linli.centre.escalation.EscalationWatch;
import org.linli.centre.escalation.NotifiedLedger;
import org.linli.centre.http.CentreHttp;
import org.linli.centre.picture.Picture;
import org.linli.centre.site.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * One centre replica, wired (docs/CENTRE.md "The centre: what exists"): the {@link Picture} on this verticle's event
 * loop, fed by the picture link (non-shared subscriptions, {@link Intake}); commands through {@link CommandRelay};
 * the once-only escalation work on the work link (shared subscription, {@link EscalationWatch}) and, with an
 * {@code archive:} section, the alert archive fed from the same link ({@link CentreArchive}); the HTTP API and
 * console ({@link CentreHttp}). Start: HTTP first (a port in use fails the start), then both broker links (which
 * retry on their own: a broker down is not a failed start), then {@code resend} to every compound at every connect.
 */
public final class Centre extends AbstractVerticle {
    private static final Logger LOG = LoggerFactory.getLogger(Centre.class);
    static final long COMMAND_TIMEOUT_MS = 10_000;
    static final int RESEND_PER_SECOND = 20;

    private final CentreSiteFile site;
    private final Function<String, String> env;
    private Topology topology;
    private Picture picture;
    private CentreMeters meters;
    private NotifiedLedger ledger;
    private CentreHttp http;
    private BrokerLink pictureLink;
    private BrokerLink workLink;
    private CentreArchive archive;

    public Centre(CentreSiteFile site, Function<String, String> env) {
        this.site = site;
        this.env = env;
    }

    /** Deploys a replica on {@code vertx}; the future completes once its HTTP port listens. */
    public static Future<Centre> deploy(Vertx vertx, CentreSiteFile site, Function<String, String> env) {
        Centre c = new Centre(site, env);
        return vertx.deployVerticle(c).map(id -> c);
    }

    @Override
    public void start(Promise<Void> started) throws Exception {
        String replica = site.centre().replica();
        topology = new Topology(site);
        Duration threshold = Duration.ofSeconds(site.centre().unreachableAfter());
        picture = new Picture(topology, Clock.systemUTC(), threshold);
        meters = new CentreMeters(picture);
        ledger = new NotifiedLedger();
        BrokerOptions b = site.broker();
        String pw = b.passwordEnv() == null ? null : env.apply(b.passwordEnv());
        byte[] password = pw == null ? null : pw.getBytes(StandardCharsets.UTF_8);
        String tsPw = b.trustStorePasswordEnv() == null ? null : env.apply(b.trustStorePasswordEnv());
        var tls = BrokerTls.from(b.trustStore(), tsPw == null ? null : tsPw.toCharArray());
        CommandRelay[] relay = new CommandRelay[1];
        Intake intake = new Intake(context, topology, picture, meters, site.centre().maxPayload(),
                (topic, m, json) -> relay[0].onReply(topic, m, json), (topic, m, json) -> ledger.onMarker(topic, json));
        pictureLink = new BrokerLink("picture", b.urls(), "centre-" + replica + "-picture", b.username(), password, tls,
                Intake.filters(topology, replica), false, intake);
        relay[0] = new CommandRelay(vertx, context, pictureLink, replica, COMMAND_TIMEOUT_MS);
        EscalationWatch escalation = new EscalationWatch(vertx, context, topology, ledger, meters,
                site.centre().streetLevel(), site.centre().maxPayload(), replica);
        escalation.publishOn(pictureLink);
        BrokerLink.Handler work = escalation;
        if (site.archive() != null) {
            String apw = site.archive().passwordEnv() == null ? null : env.apply(site.archive().passwordEnv());
            archive = CentreArchive.start(site.archive(), apw, topology, meters, site.centre().maxPayload());
            picture.listen(archive.reachability());
            // a version is acknowledged once the robot step AND the archive's commit are done
            work = new AckWhenAll(List.of(escalation, archive.feed()));
        }
        workLink = new BrokerLink("work", b.urls(), "centre-" + replica + "-work", b.username(), password, tls,
                List.of(EscalationWatch.SHARED_FILTER), true, work);
        long sweepMs = Math.min(5_000, Math.max(200, threshold.toMillis() / 4));
        vertx.setPeriodic(sweepMs, id -> picture.sweep());
        CentreHttp.start(vertx, site.centre().hostOrDefault(), site.centre().portOrDefault(), topology, picture,
                relay[0], meters, () -> pictureLink.state() == BrokerLink.State.CONNECTED, archive).onSuccess(h -> {
                    http = h;
                    // after EVERY connect: what was published while this replica was away may wait on another
                    // node (an MQTT session lives on one node), so the compounds are asked for their open alerts
                    pictureLink.onConnected(() -> context.runOnContext(v ->
                            new ResendAll(vertx, relay[0], replica, topology.compounds())
                                    .start(RESEND_PER_SECOND)));
                    pictureLink.start();
                    workLink.start();
                    LOG.info("centre replica {} serving http://{}:{}/ for {} compound(s); broker {}", replica,
                            site.centre().hostOrDefault(), h.port(), topology.compounds().size(), b.urls());
                    started.complete();
                }).onFailure(started::fail);
    }

    @Override
    public void stop(Promise<Void> stopped) {
        vertx.executeBlocking(() -> {
            if (workLink != null) {
                workLink.stop();
            }
            if (pictureLink != null) {
                pictureLink.stop();
            }
            if (archive != null) {
                archive.close();
            }
            return null;
        }, false).compose(v -> http == null ? Future.succeededFuture() : http.close())
                .onComplete(ar -> stopped.complete());
    }

    /** The HTTP port (the actual one when the site file says port 0). */
    public int httpPort() {
        return http.port();
    }

    /** The picture: read it only on this verticle's context (tests: through {@link #onContext}). */
    public Picture picture() {
        return picture;
    }

    public CentreMeters meters() {
        return meters;
    }

    /** Runs {@code task} on this replica's event loop and gives its result. */
    public <T> Future<T> onContext(java.util.concurrent.Callable<T> task) {
        Promise<T> p = Promise.promise();
        context.runOnContext(v -> {
            try {
                p.complete(task.call());
            } catch (Exception e) {
                p.fail(e);
            }
        });
        return p.future();
    }

    /** How many (compound, alert) the notified ledger holds; read on the event loop ({@link #onContext}). */
    public int ledgerSize() {
        return ledger.size();
    }

    /** The alert archive, or null when the site file has no {@code archive:} section. */
    public CentreArchive archive() {
        return archive;
    }

    public boolean brokerConnected() {
        return pictureLink != null && pictureLink.state() == BrokerLink.State.CONNECTED
                && workLink.state() == BrokerLink.State.CONNECTED;
    }
}
