package org.linli.gateway;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.alert.AlertPathWarmUp;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.camera.CameraSource;
import org.linli.gateway.camera.Cameras;
import org.linli.gateway.auth.ConsoleAuth;
import org.linli.gateway.alert.EscalationPolicy;
import org.linli.gateway.alert.SqliteAlertStore;
import org.linli.gateway.http.AlertWorkflowRoutes;
import org.linli.gateway.rules.HouseholdAway;
import org.linli.gateway.rules.ParentStatuses;
import org.linli.gateway.rules.RuleEngine;
import org.linli.gateway.rules.RuleThresholds;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.InfluxTarget;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.health.Readiness;
import org.linli.gateway.http.HttpApi;
import org.linli.gateway.metrics.AlertMeters;
import org.linli.gateway.metrics.CameraMeters;
import org.linli.gateway.metrics.EventLoopLag;
import org.linli.gateway.metrics.GatewayMetrics;
import org.linli.gateway.metrics.MeasuredBatchWriter;
import org.linli.gateway.metrics.MqttMeters;
import org.linli.gateway.metrics.NotifyMeters;
import org.linli.gateway.metrics.PipelineMeters;
import org.linli.gateway.metrics.QueueMeters;
import org.linli.gateway.metrics.SerialMeters;
import org.linli.gateway.metrics.SourceMeters;
import org.linli.gateway.metrics.StorageAndRuleMeters;
import org.linli.gateway.notify.AlertsTopicFeed;
import org.linli.gateway.notify.Notifier;
import org.linli.gateway.notify.NotifierFactory;
import org.linli.gateway.notify.NotifyTiming;
import org.linli.gateway.mqtt.MqttConnections;
import org.linli.gateway.mqtt.MqttIngest;
import org.linli.gateway.mqtt.MqttSource;
import org.linli.gateway.mqtt.Subscription;
import org.linli.gateway.pipeline.DeadLetters;
import org.linli.gateway.http.HttpPathWarmUp;
import org.linli.gateway.pipeline.DecodeWarmUp;
import org.linli.gateway.pipeline.Pipeline;
import org.linli.gateway.pipeline.ProfileCatalog;
import org.linli.gateway.security.HttpsOptions;
import org.linli.gateway.security.MqttTls;
import org.linli.gateway.security.Redaction;
import org.linli.gateway.security.SecretValues;
import org.linli.gateway.startup.StopStep;
import org.linli.gateway.serial.SerialSource;
import org.linli.gateway.serial.SerialSources;
import org.linli.gateway.source.SourceContext;
import org.linli.gateway.source.SourceFactory;
import org.linli.gateway.source.Sources;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.startup.StartupException;
import org.linli.gateway.config.QueueOptions;
import org.linli.gateway.queue.StoreAndForward;
import org.linli.gateway.timeseries.BatchWriter;
import org.linli.gateway.timeseries.InfluxLineWriter;
import org.linli.gateway.uplink.Uplink;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The gateway as one verticle: it builds the pieces from a validated config and wires them. Everything it creates
 * runs on this verticle's event-loop context, which is what lets the pieces keep unsynchronised state.
 */
public final class Gateway extends AbstractVerticle {
    private final SiteConfig config;
    private final ProfileCatalog profiles;
    private final Function<String, String> env;
    private final Clock clock;

    private SiteDirectory site;
    private DeadLetters deadLetters;
    /** One InfluxDB v2 client per time-series target (docs/QUEUE.md, several targets). */
    private final List<InfluxLineWriter> influx = new ArrayList<>();
    private StoreAndForward store;
    private AlertService alerts;
    private Pipeline pipeline;
    private MqttIngest mqtt;
    private MqttConnections mqttConnections;
    private volatile DecodeWarmUp.Result warmUpResult;
    private volatile HttpPathWarmUp.Result httpWarmUpResult;
    private volatile AlertPathWarmUp.Result alertWarmUpResult;
    private HttpApi http;
    private Notifier notifier;
    private Cameras cameras;
    private SerialSources serial;
    private SqliteAlertStore alertStore;
    private ConsoleFiles consoleFiles;
    private HouseholdAway away;
    private RuleEngine rules;
    private GatewayMetrics metrics;
    private EventLoopLag lag;
    private Uplink uplink;
    /** MQTT, the serial buses, the cameras and any added with {@link #withSource}: started, stopped and read as one. */
    private final Sources sources = new Sources();
    private final List<SourceFactory> addedSources = new ArrayList<>();
    private final ParentStatuses parents = new ParentStatuses(sources);
    private final List<Long> timers = new ArrayList<>();

    public Gateway(SiteConfig config, ProfileCatalog profiles, Function<String, String> env, Clock clock) {
        this.config = config;
        this.profiles = profiles;
        this.env = env;
        this.clock = clock;
    }

    /**
     * Adds a source of device data beside MQTT, the buses and the cameras (docs/ARCHITECTURE.md, "Sources"): built
     * once the pipeline exists, started with the others, and reported in /api/status, /metrics and /health/ready
     * under its name. Call before deploying.
     */
    public Gateway withSource(SourceFactory factory) {
        addedSources.add(factory);
        return this;
    }

    /**
     * Starts in the order that lets a failure leave nothing behind: local resources first (queue, alert store, the
     * HTTP port), outward connections (MQTT, serial buses, cameras, notification reminders) only once they all are
     * held. A failure releases whatever was opened and fails the deployment with a {@link StartupException} naming
     * the step, so the process can exit instead of staying half-alive (connected to MQTT, serving nothing).
     */
    @Override
    public void start(Promise<Void> started) {
        Future.<Void>succeededFuture()
                .compose(v -> openStorage())
                .compose(this::build)
                .compose(v -> listen())
                .compose(v -> warmUp())
                .compose(v -> connectOutward())
                .recover(failure -> release().transform(ar -> Future.<Void>failedFuture(failure)))
                .onComplete(started);
    }

    /** The dead letters, the InfluxDB client, the disk queue, the alert store and the console files, read back. */
    private Future<SqliteAlertStore.Snapshot> openStorage() {
        site = SiteDirectory.from(config);
        metrics = new GatewayMetrics();
        String dataDir = config.storage().dataDir();
        deadLetters = new DeadLetters(clock, config.storage().deadLetterMemory(), Path.of(dataDir),
                DeadLetters.MAX_FILE_BYTES);
        InfluxOptions io = config.influx();
        Map<String, BatchWriter> writers = new HashMap<>();
        for (InfluxTarget t : io.resolvedTargets()) {
            try {
                InfluxLineWriter w = new InfluxLineWriter(t.url(), t.org(), t.bucket(),
                        env.apply(t.tokenEnv()).toCharArray(), Duration.ofSeconds(30));
                influx.add(w);
                // every write request is timed and counted by outcome and target on its way (docs/OPERATIONS.md)
                writers.put(t.name(), new MeasuredBatchWriter(w, metrics.registry(), t.name()));
            } catch (RuntimeException e) {
                return failed("InfluxDB client for target " + t.name() + " at " + Redaction.url(t.url()), e);
            }
        }
        QueueOptions queue = queueOptions();
        return StoreAndForward.start(vertx, queue, dataDir, io.resolvedTargets(), t -> writers.get(t.name()),
                        deadLetters, clock)
                .recover(e -> failed("queue in " + queue.dirUnder(dataDir), e))
                .compose(s -> {
                    store = s;
                    return Future.fromCompletionStage(SqliteAlertStore.open(Path.of(dataDir), clock), context)
                            .compose(a -> {
                                alertStore = a;
                                return Future.fromCompletionStage(a.load(alertRetention(), clock.instant()), context);
                            })
                            .recover(e -> failed("alert store in " + dataDir, e));
                })
                .compose(snapshot -> openConsoleFiles(Path.of(dataDir)).map(snapshot));
    }

    /** The console's sessions and the devices' last-seen times, kept across restarts (docs/CONSOLE.md). */
    private Future<Void> openConsoleFiles(Path dataDir) {
        return ConsoleFiles.open(dataDir, context).<Void>map(f -> {
            consoleFiles = f;
            return null;
        }).recover(e -> failed("console files in " + dataDir.resolve("console"), e));
    }

    /** Every component, wired but not yet connected anywhere, from the stored alerts and away flags. */
    private Future<Void> build(SqliteAlertStore.Snapshot stored) {
        alerts = new AlertService(site, clock, EscalationPolicy.from(config.rules().escalation()), alertStore);
        alerts.retain(alertRetention());
        alerts.continueSequenceAfter(stored.highestSequence());
        alerts.restore(stored.alerts());
        away = new HouseholdAway(alertStore, stored.away());
        rules = new RuleEngine(site, alerts, config.rules(), clock, id -> pipeline.activity().lastSeen(id), parents, away);
        rules.keepWaterHistory(alertStore, stored.water());
        cameras = new Cameras(vertx, config.cameras(), site, alerts, clock, Path.of(config.storage().dataDir()), env);
        RuleThresholds thresholds = new RuleThresholds(config.rules());
        pipeline = new Pipeline(site, profiles, store.queue(), List.of(rules, cameras.alertRules()), deadLetters,
                device -> thresholds.gas(device).alarmLel());   // the dashboards' red line (docs/SCHEMA.md)
        consoleFiles.restore(pipeline.activity());

        List<Subscription> subscriptions = Subscription.forSite(site, config.mqtt(), profiles);
        String password = config.mqtt().passwordEnv() == null ? null : env.apply(config.mqtt().passwordEnv());
        javax.net.ssl.SSLSocketFactory tls;
        try {
            tls = MqttTls.socketFactory(config.mqtt().tls(), env);
        } catch (java.security.GeneralSecurityException e) {
            return failed("mqtt.tls", e);
        }
        mqttConnections = MqttConnections.create(vertx, config.mqtt(), password == null ? null : password.toCharArray(),
                tls, subscriptions, profiles.deviceTypes(), pipeline, clock, config.pipeline().effectiveDecodeThreads());
        mqtt = mqttConnections.main();
        if (config.notifications().hasChannels()) {
            notifier = NotifierFactory.create(vertx, config.notifications(), env, clock, publicUrl(), mqtt::publish,
                    alertsTopic(), NotifyTiming.standard());
            alerts.addListener(notifier);
        }
        alerts.addFeed(new AlertsTopicFeed(mqtt::publish, alertsTopic()));   // every version, notify or not
        try {   // every version also to the centre, through a durable outbox (docs/CENTRE.md)
            uplink = Uplink.openIfConfigured(config.uplink(), config.storage().dataDir(), env, clock, alerts::addFeed);
        } catch (java.security.GeneralSecurityException e) {
            return failed("uplink.tls", e);
        } catch (java.io.IOException e) {
            return failed("uplink outbox in " + config.storage().dataDir(), e);
        }
        // RS-485 buses: blocking port I/O on one thread per bus, results hop back onto this context
        serial = SerialSources.create(config, site, pipeline, alerts, deadLetters, clock,
                task -> context.runOnContext(v -> task.run()));
        mqttConnections.sources(vertx, alerts, clock).forEach(sources::add);
        sources.add(new SerialSource(serial, vertx, clock))
                .add(new CameraSource(cameras, context, pipeline, clock));
        SourceContext sourceContext = new SourceContext(vertx, context, config, site, pipeline, alerts, deadLetters,
                clock, env);
        try {
            addedSources.forEach(f -> sources.add(f.create(sourceContext)));
        } catch (RuntimeException e) {
            return failed("a source added with withSource", e);
        }
        return Future.succeededFuture();
    }

    /** Binds the console and API: the last local resource, so a taken port fails before anything connects out. */
    private Future<Void> listen() {
        Redaction secrets = SecretValues.redaction(config, env);
        Readiness readiness = new Readiness(sources, store.stats(), clock,
                Duration.ofSeconds(queueOptions().readyMaxAgeSeconds()));
        registerMeters();
        http = new HttpApi(vertx, alerts, pipeline, site, this::status, new ConsoleAuth(vertx, config.users(), clock,
                config.http().publicUrl() != null && config.http().publicUrl().startsWith("https:"), consoleFiles.sessions()))
                .withMetrics(names -> secrets.scrub(metrics.scrape(names)))
                .withReadiness(() -> new JsonObject(secrets.scrub(readiness.check().encode())))
                .mount(new AlertWorkflowRoutes(alerts, away, site)::mount)
                .withCameraNames(config.cameras().names());
        if (notifier != null) {
            http.deliveries(notifier::deliveries); // attempt details are scrubbed by the channels (SecretScrubbingChannel)
        }
        http.mount(cameras::mountRoutes);
        http.mount(new org.linli.gateway.http.AlertModelRoutes()::mount);   // the alert model's words (docs/CONSOLE.md)
        String where = config.http().host() + ":" + config.http().port();
        return http.listen(HttpsOptions.serverOptions(config.http())).<Void>mapEmpty()
                .recover(e -> e instanceof java.net.BindException
                        ? Future.failedFuture(new StartupException("HTTP port " + where + " is already in use", e))
                        : failed("HTTP server on " + where, e));
    }

    /**
     * Decodes sample messages of every vendor profile the site uses on the decode workers, writing nothing, at most
     * {@link DecodeWarmUp#DEFAULT_BOUND}: a backlog waiting in the broker then meets warm code (docs/BENCHMARKS.md,
     * "Cold start"). Meanwhile the event loop warms the alert path ({@link AlertPathWarmUp}) and the HTTP server's
     * ({@link HttpPathWarmUp}). Never fails the start.
     */
    private Future<Void> warmUp() {
        Future<DecodeWarmUp.Result> decoding = Future.fromCompletionStage(
                new DecodeWarmUp(site, profiles, pipeline, clock).run(mqtt.lanes()), context);
        Future<HttpPathWarmUp.Result> serving = HttpPathWarmUp.run(vertx, config.http().host(), http.port(),
                config.http().usesTls());
        alertWarmUpResult = new AlertPathWarmUp(site, alerts).run();   // on the event loop, while the workers decode
        return Future.all(decoding, serving).map(all -> {
            warmUpResult = decoding.result();
            httpWarmUpResult = serving.result();
            return (Void) null;
        });
    }

    /** What the start-up warm-up did (null before it ran): for tests. */
    public DecodeWarmUp.Result warmUpResult() {
        return warmUpResult;
    }

    /** What the start-up warm-up of the HTTP server's path did (null before it ran): for tests. */
    public HttpPathWarmUp.Result httpWarmUpResult() {
        return httpWarmUpResult;
    }

    /** What the start-up warm-up of the alert path did (null before it ran): for tests. */
    public AlertPathWarmUp.Result alertWarmUpResult() {
        return alertWarmUpResult;
    }

    /**
     * Everything that talks to the outside; each source retries its peer on its own, so an absent peer does not fail
     * the start, and a source that cannot run at all reports DOWN without stopping the others.
     */
    private Future<Void> connectOutward() {
        if (notifier != null) {
            notifier.remindAfterRestart(alerts.list(), clock.instant());
        }
        timers.add(vertx.setPeriodic(rules.checkInterval().toMillis(), id -> rules.check()));
        timers.add(vertx.setPeriodic(1000, id -> alerts.checkEscalations()));
        timers.add(vertx.setPeriodic(CLOSED_SWEEP_MS, id -> alerts.sweepClosed()));
        timers.add(vertx.setPeriodic(1000, id -> sources.watch()));
        timers.add(vertx.setPeriodic(ConsoleFiles.LAST_SEEN_SAVE_MS, id -> consoleFiles.save(pipeline.activity())));
        if (uplink != null) {   // alert versions, the compound summary and the centre's commands (docs/CENTRE.md)
            uplink.serve(vertx, context, new org.linli.gateway.uplink.CompoundSummary(config.uplink(), null, site,
                    pipeline.activity(), sources, store.stats(), uplink.alertListener(), alerts, clock,
                    SecretValues.redaction(config, env)::scrub), alerts);
        }
        return sources.startAll();
    }

    private static <T> Future<T> failed(String step, Throwable e) {
        return Future.failedFuture(new StartupException(step + ": " + StartupException.reason(e), e));
    }

    /** The meters of /metrics over each component's counters (docs/OPERATIONS.md), and the event-loop lag probe. */
    private void registerMeters() {
        AlertMeters alertMeters = new AlertMeters(metrics.registry(), alerts);
        alerts.addListener(alertMeters);
        metrics.add(new PipelineMeters(metrics.registry(), pipeline))
                .add(new QueueMeters(metrics.registry(), store.stats(), clock))
                .add(new SerialMeters(metrics.registry(), serial))
                .add(alertMeters);
        if (notifier != null) {
            metrics.add(new NotifyMeters(metrics.registry(), notifier));
        }
        // an alert not saved (disk, SQLite) or a rule that threw must be seen, not only logged
        StorageAndRuleMeters.register(metrics.registry(), alertStore, rules);
        SourceMeters.register(metrics.registry(), sources);
        mqttConnections.labelled().forEach((label, ingest) -> MqttMeters.register(metrics.registry(), ingest, label));
        CameraMeters.register(metrics.registry(), cameras);
        if (uplink != null) {
            org.linli.gateway.metrics.UplinkMeters.register(metrics.registry(), uplink);
        }
        lag = new EventLoopLag(vertx, Duration.ofSeconds(1), metrics.registry()).start();
    }

    /** Terminal alerts older than this leave memory (they stay in the store): checked once a minute. */
    private static final long CLOSED_SWEEP_MS = 60_000;

    private org.linli.gateway.alert.AlertRetention alertRetention() {
        return new org.linli.gateway.alert.AlertRetention(Duration.ofDays(config.storage().closedAlertsDays()),
                config.storage().closedAlertsInMemory());
    }

    private QueueOptions queueOptions() {
        return config.queue();
    }

    /** The base of links in messages: the configured public URL, else the listen address. */
    private String publicUrl() {
        return config.http().publicUrl() != null ? config.http().publicUrl()
                : "http://" + config.http().host() + ":" + config.http().port();
    }

    private String alertsTopic() {
        return config.mqtt().alertsTopic();
    }

    /** What {@code GET /api/status} shows; URLs masked and every configured secret value scrubbed from it. */
    public JsonObject status() {
        return new JsonObject(SecretValues.redaction(config, env).scrub(rawStatus().encode()));
    }

    private JsonObject rawStatus() {
        JsonObject out = new JsonObject()
                .put("compound", site.compound())
                .put("devices", site.devices().size())
                .put("households", site.householdCount())
                .put("devicesHeardFrom", pipeline.activity().heardFrom())
                .put("sources", sources.statusJson());
        // each source's own block under its name: mqtt, serial, cameras, and any added with withSource
        sources.all().forEach(s -> out.put(s.name(), s.details()));
        return out
                .put("pipeline", pipeline.stats().toJson())
                .put("decodeFailures", new JsonObject(new java.util.TreeMap<>(deadLetters.countsByReason())))
                .put("deadLettersUnwritten", deadLetters.unwritten())
                .put("alertStore", alertStore.statusJson())
                .put("rules", new JsonObject().put("failures", rules.failures()))
                .put("influx", influxStatus())
                .put("queue", store.stats().toJson(clock.millis()))
                .put("notify", notifier == null ? null : notifier.status())
                .put("snapshots", cameras.evidenceJson())
                .put("uplink", uplink == null ? null : uplink.statusJson());
    }

    /** {@code influx.url} of the first target as before, and every target's URL by name (docs/QUEUE.md). */
    private JsonObject influxStatus() {
        JsonObject targets = new JsonObject();
        config.influx().resolvedTargets().forEach(t -> targets.put(t.name(), Redaction.url(t.url())));
        return new JsonObject().put("url", Redaction.url(config.influx().resolvedTargets().get(0).url()))
                .put("targets", targets);
    }

    @Override
    public void stop(Promise<Void> stopped) {
        release().onComplete(ar -> stopped.complete());
    }

    /** Stops and closes whatever has been started or opened; also what a failed start leaves behind. */
    private Future<Void> release() {
        timers.forEach(vertx::cancelTimer);
        if (lag != null) {
            lag.stop();
        }
        // each step bounded (StopStep): the sum stays under systemd's 90 s stop time-out, and a step that overran
        // is named in the log
        return StopStep.run("sources", Duration.ofSeconds(10), sources::stopAll)
                .eventually(() -> StopStep.run("uplink", Duration.ofSeconds(15),
                        () -> uplink == null ? Future.succeededFuture() : uplink.close(vertx)))
                .eventually(() -> StopStep.run("queue", Duration.ofSeconds(15),
                        () -> store == null ? Future.succeededFuture() : store.close()))
                .eventually(() -> StopStep.run("http", Duration.ofSeconds(5),
                        () -> http == null ? Future.succeededFuture() : http.close()))
                .eventually(() -> StopStep.run("influx clients, dead letters, metrics", Duration.ofSeconds(5),
                        () -> vertx.executeBlocking(() -> {
                            influx.forEach(InfluxLineWriter::close);
                            if (deadLetters != null) {
                                deadLetters.close();
                            }
                            if (metrics != null) {
                                metrics.close();
                            }
                            return null;
                        }, false)))
                .eventually(() -> StopStep.run("alert store", Duration.ofSeconds(15),
                        () -> alertStore == null ? Future.succeededFuture()
                                : Future.fromCompletionStage(alertStore.close(), context)))
                .eventually(() -> StopStep.run("console files", Duration.ofSeconds(10),
                        () -> consoleFiles == null ? Future.succeededFuture()
                                : consoleFiles.close(pipeline == null ? null : pipeline.activity(), http != null, context)))
                .mapEmpty();
    }

    /** The event-loop context every component of this gateway is confined to. */
    public io.vertx.core.Context eventLoop() {
        return context;
    }

    public int httpPort() {
        return http.port();
    }

    public AlertService alerts() {
        return alerts;
    }

    public RuleEngine rules() {
        return rules;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public StoreAndForward store() {
        return store;
    }

    /** The main broker connection (the only one unless {@code mqtt.lifeSafetyConnection} is on). */
    public MqttIngest mqtt() {
        return mqtt;
    }

    /** Every broker connection: the main one and the life-safety one, if any. */
    public MqttConnections mqttConnections() {
        return mqttConnections;
    }

    /** The alert notifier, or null without a {@code notify} section. */
    public Notifier notifier() {
        return notifier;
    }

    public Cameras cameras() {
        return cameras;
    }

    public SerialSources serial() {
        return serial;
    }

    /** Every source of device data, in registration order (MQTT, serial, cameras, then those added). */
    public Sources sources() {
        return sources;
    }

    public SiteDirectory site() {
        return site;
    }
}
