package org.linli.gateway.notify;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.config.ChannelType;
import org.linli.gateway.config.NotifyChannelOptions;
import org.linli.gateway.config.NotifyOptions;
import org.linli.gateway.security.Redaction;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the notifier from a validated {@code notify} section: one channel and dispatcher per entry, fallbacks linked,
 * secrets read from the environment. Must run on the event-loop context the notifier will live on.
 */
public final class NotifierFactory {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NotifierFactory.class);
    private NotifierFactory() {
    }

    /**
     * @param publicBase the gateway's public URL for links ({@code http.publicUrl}, or its listen address)
     * @param mqtt       publishes on the broker connection, for channels of type mqtt
     * @param alertsTopic {@code mqtt.alertsTopic}: fed by {@link AlertsTopicFeed}, so an mqtt channel on it (its
     *                    default topic) is left out with a warning
     */
    public static Notifier create(Vertx vertx, NotifyOptions options, Function<String, String> env, Clock clock,
                                  String publicBase, TopicPublisher mqtt, String alertsTopic, NotifyTiming timing) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(4).setKeepAlive(true));
        HttpPoster http = new HttpPoster(client);
        AlertMessages messages = new AlertMessages(new AlertLinks(publicBase, options.consoleUrl()));
        DeliveryLog log = new DeliveryLog(5_000);
        Map<String, ChannelDispatcher> byId = new LinkedHashMap<>();
        List<Notifier.Route> routes = new ArrayList<>();
        Redaction secrets = Redaction.of(options.channels().stream()
                .flatMap(c -> c.secretEnvNames().stream()).map(env).toList());
        for (NotifyChannelOptions c : options.channels()) {
            if (onAlertsTopic(c, alertsTopic)) {
                LOG.warn("notify channel {} (type mqtt) is left out: the alerts topic {} already gets every alert "
                        + "version from the gateway; give the channel another topic to publish elsewhere", c.id(), alertsTopic);
                continue;
            }
            Channel channel = new SecretScrubbingChannel(channel(c, http, messages, env, clock, mqtt, alertsTopic), secrets);
            boolean machineFeed = c.type() == ChannelType.MQTT;
            DispatchPolicy policy = new DispatchPolicy(c.ratePerMinute(), timing.rateWindow(), c.maxAttempts(),
                    timing.retryInitial(), timing.retryMax(), Duration.ofSeconds(options.digestWindowSeconds()),
                    !machineFeed);
            ChannelDispatcher d = new ChannelDispatcher(vertx, channel, clock, policy, log, messages);
            byId.put(c.id(), d);
            routes.add(new Notifier.Route(d, Set.copyOf(c.grids()), Severity.valueOf(c.minSeverity()), machineFeed,
                    c.fallbackOnly()));
        }
        for (NotifyChannelOptions c : options.channels()) {
            ChannelDispatcher fallback = c.fallback() == null ? null : byId.get(c.fallback());
            if (fallback != null && byId.containsKey(c.id())) {
                byId.get(c.id()).fallback(fallback);
            }
        }
        return new Notifier(routes, new RepeatPolicy(Duration.ofMinutes(options.repeatQuietMinutes())), log);
    }

    /** An mqtt channel on the alerts topic would publish every version a second time (see {@link AlertsTopicFeed}). */
    private static boolean onAlertsTopic(NotifyChannelOptions c, String alertsTopic) {
        return c.type() == ChannelType.MQTT && (c.topic() == null || c.topic().equals(alertsTopic));
    }

    private static Channel channel(NotifyChannelOptions c, HttpPoster http, AlertMessages messages,
                                   Function<String, String> env, Clock clock, TopicPublisher mqtt, String alertsTopic) {
        return switch (c.type()) {
            case WECOM -> new WeComChannel(c.id(), http, c.baseUrl(), env.apply(c.keyEnv()), messages, c.timeoutMs());
            case DINGTALK -> new DingTalkChannel(c.id(), http, c.baseUrl(), env.apply(c.tokenEnv()),
                    c.secretEnv() == null ? null : env.apply(c.secretEnv()), messages, clock, c.timeoutMs());
            case WEBHOOK -> new WebhookChannel(c.id(), http, env.apply(c.urlEnv()),
                    c.secretEnv() == null ? null : env.apply(c.secretEnv()), clock, c.timeoutMs());
            case MQTT -> new MqttChannel(c.id(), mqtt, c.topic());
        };
    }
}
