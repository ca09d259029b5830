package org.linli.gateway;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.alert.AlertPublisher;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.auth.ConsoleAuth;
import org.linli.gateway.alert.EscalationPolicy;
import org.linli.gateway.alert.SqliteAlertStore;
import org.linli.gateway.http.AlertWorkflowRoutes;
import org.linli.gateway.rules.HouseholdAway;
import org.linli.gateway.rules.MqttParentStatus;
import org.linli.gateway.rules.ParentStatuses;
import org.linli.gateway.rules.RuleEngine;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.SubscriptionOptions;
import org.linli.gateway.http.HttpApi;
import org.linli.gateway.mqtt.MqttIngest;
import org.linli.gateway.mqtt.Subscription;
import org.linli.gateway.mqtt.SubscriptionWatchdog;
import org.linli.drivers.mqtt.TopicTemplate;
import org.linli.gateway.pipeline.DeadLetters;
import org.linli.gateway.pipeline.Pipeline;
import org.linli.gateway.pipeline.ProfileCatalog;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.timeseries.BatchingWriter;
import org.linli.gateway.timeseries.InfluxLineWriter;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    private InfluxLineWriter influx;
    private BatchingWriter writer;
    private AlertService alerts;
    private Pipeline pipeline;
    private MqttIngest mqtt;
    private HttpApi http;
    private SqliteAlertStore alertStore;
    private HouseholdAway away;
    private RuleEngine rules;
    private final ParentStatuses parents = new ParentStatuses();
    private final List<Long> timers = new ArrayList<>();

    public Gateway(SiteConfig config, ProfileCatalog profiles, Function<String, String> env, Clock clock) {
        this.config = config;
        this.profiles = profiles;
        this.env = env;
        this.clock = clock;
    }

    @Override
    public void start(Promise<Void> started) {
        site = SiteDirectory.from(config);
        deadLetters = new DeadLetters(clock, config.storage().deadLetterMemory(), Path.of(config.storage().dataDir()),
                64L * 1024 * 1024);
        InfluxOptions io = config.influx();
        influx = new InfluxLineWriter(io.url(), io.org(), io.bucket(), env.apply(io.tokenEnv()).toCharArray(),
                Duration.ofSeconds(30));
        writer = new BatchingWriter(vertx, influx::write, deadLetters, io.batchSize(),
                Duration.ofMillis(io.flushIntervalMs()), io.maxBufferedPoints());
        Future.fromCompletionStage(SqliteAlertStore.open(Path.of(config.storage().dataDir())), context)
                .compose(store -> {
                    alertStore = store;
                    return Future.fromCompletionStage(store.load(), context);
                })
                .compose(this::startWithAlerts)
                .<Void>mapEmpty()
                .onComplete(started);
    }

    /** The rest of the start, once the stored alerts and away flags have been read back. */
    private Future<?> startWithAlerts(SqliteAlertStore.Snapshot stored) {
        alerts = new AlertService(site, clock, EscalationPolicy.from(config.rules() == null ? null
                : config.rules().escalation()), alertStore);
        alerts.restore(stored.alerts());
        away = new HouseholdAway(alertStore, stored.away());
        rules = new RuleEngine(site, alerts, config.rules(), clock, id -> pipeline.activity().lastSeen(id), parents, away);
        pipeline = new Pipeline(site, profiles, writer, List.of(rules), deadLetters);

        List<Subscription> subscriptions = subscriptions();
        SubscriptionWatchdog watchdog = new SubscriptionWatchdog(clock, subscriptions, (s, st) -> { });
        String password = config.mqtt().passwordEnv() == null ? null : env.apply(config.mqtt().passwordEnv());
        mqtt = new MqttIngest(vertx, config.mqtt(), password == null ? null : password.toCharArray(), null,
                subscriptions, pipeline, clock, watchdog);
        parents.register("mqtt", MqttParentStatus.of(mqtt));
        alerts.addListener(new AlertPublisher(mqtt, alertsTopic()));
        mqtt.start();
        timers.add(vertx.setPeriodic(rules.checkInterval().toMillis(), id -> rules.check()));
        timers.add(vertx.setPeriodic(1000, id -> alerts.checkEscalations()));

        http = new HttpApi(vertx, alerts, pipeline, site, this::status, new ConsoleAuth(vertx, config.users(), clock,
                config.http().publicUrl() != null && config.http().publicUrl().startsWith("https:")))
                .mount(new AlertWorkflowRoutes(alerts, away, site)::mount);
        return http.listen(config.http().host(), config.http().port());
    }

    /** One subscription per vendor profile used by an MQTT device, with the config's overrides applied. */
    private List<Subscription> subscriptions() {
        Map<String, SubscriptionOptions> overrides = new LinkedHashMap<>();
        config.mqtt().subscriptions().forEach(s -> overrides.put(s.profile(), s));
        List<Subscription> out = new ArrayList<>();
        site.devices().stream().filter(d -> "mqtt".equals(d.transport())).map(Device::profile).distinct().forEach(p -> {
            SubscriptionOptions o = overrides.getOrDefault(p, SubscriptionOptions.forProfile(p));
            String template = o.topic() != null ? o.topic() : profiles.topicTemplate(p).orElseThrow();
            out.add(new Subscription(p, TopicTemplate.parse(template), o.qos(),
                    Duration.ofSeconds(o.expectedIntervalSeconds()), o.missedIntervals()));
        });
        return out;
    }

    private String alertsTopic() {
        return config.mqtt().alertsTopic();
    }

    public JsonObject status() {
        return new JsonObject()
                .put("compound", site.compound())
                .put("devices", site.devices().size())
                .put("households", site.householdCount())
                .put("devicesHeardFrom", pipeline.activity().heardFrom())
                .put("mqtt", mqtt.status())
                .put("pipeline", pipeline.stats().toJson())
                .put("decodeFailures", new JsonObject(new java.util.TreeMap<>(deadLetters.countsByReason())))
                .put("influx", writer.stats().toJson(writer.buffered()).put("url", config.influx().url()));
    }

    @Override
    public void stop(Promise<Void> stopped) {
        timers.forEach(vertx::cancelTimer);
        Future<Void> mqttStopped = mqtt == null ? Future.succeededFuture() : mqtt.stop();
        Future<Void> drained = writer == null ? Future.succeededFuture() : writer.close(Duration.ofSeconds(5));
        Future.all(mqttStopped, drained)
                .eventually(() -> http == null ? Future.succeededFuture() : http.close())
                .eventually(() -> vertx.executeBlocking(() -> {
                    if (influx != null) {
                        influx.close();
                    }
                    if (deadLetters != null) {
                        deadLetters.close();
                    }
                    return null;
                }))
                .eventually(() -> alertStore == null ? Future.succeededFuture()
                        : Future.fromCompletionStage(alertStore.close(), context))
                .<Void>mapEmpty()
                .onComplete(ar -> stopped.complete());
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

    /** Where the serial and camera supervisors register whether their connections are up. */
    public ParentStatuses parents() {
        return parents;
    }

    public HouseholdAway away() {
        return away;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public BatchingWriter writer() {
        return writer;
    }

    public MqttIngest mqtt() {
        return mqtt;
    }

    public SiteDirectory site() {
        return site;
    }
}
