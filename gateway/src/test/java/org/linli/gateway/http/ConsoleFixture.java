package org.linli.gateway.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.gateway.TestSites;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertRequest;
import org.linli.gateway.alert.AlertRetention;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.EscalationPolicy;
import org.linli.gateway.alert.AlertStore;
import org.linli.gateway.rules.HouseholdAway;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.auth.ConsoleAuth;
import org.linli.gateway.auth.PasswordHasher;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.UserConfig;
import org.linli.gateway.pipeline.DeadLetters;
import org.linli.gateway.pipeline.Pipeline;
import org.linli.gateway.site.Location;
import org.linli.gateway.site.SiteDirectory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real HTTP API with the small test site (grid g1 = building 3, grid g2 = building 7) and users: operator
 * {@code duty}, grid workers {@code li} (g1) and {@code chen} and {@code wang} (g2). Alerts are raised through AlertService's public
 * entry point on the API's event loop. Requests go over real HTTP with java.net.http, cookies set by hand.
 */
final class ConsoleFixture implements AutoCloseable {
    static final String PASSWORD = "correct horse 9";
    /** Hashed once per test run: each hash costs 210,000 PBKDF2 rounds. */
    private static final String HASH = PasswordHasher.hash(PASSWORD.toCharArray());
    static final List<UserConfig> USERS = List.of(
            UserConfig.operator("duty", "值班员", HASH),
            UserConfig.gridWorker("li", "李娜", "g1", HASH),
            UserConfig.gridWorker("chen", "陈静", "g2", HASH),
            UserConfig.gridWorker("wang", "王磊", "g2", HASH));

    final HttpClient http = HttpClient.newHttpClient();
    private final Vertx vertx = Vertx.vertx();
    private final Context context = vertx.getOrCreateContext();
    private AlertService alerts;
    private HttpApi api;
    final int port;

    ConsoleFixture(List<UserConfig> users) throws Exception {
        this(users, false);
    }

    ConsoleFixture(List<UserConfig> users, boolean secureCookie) throws Exception {
        this(users, secureCookie, AlertStore.NONE, AlertRetention.DEFAULT);
    }

    /** With a real alert store behind the alert service, and its retention window of closed alerts. */
    ConsoleFixture(List<UserConfig> users, AlertStore store, AlertRetention retention) throws Exception {
        this(users, false, store, retention);
    }

    private ConsoleFixture(List<UserConfig> users, boolean secureCookie, AlertStore store, AlertRetention retention)
            throws Exception {
        SiteConfig small = TestSites.small();
        SiteConfig config = small.withUsers(users);
        CompletableFuture<Integer> started = new CompletableFuture<>();
        context.runOnContext(v -> {
            SiteDirectory site = SiteDirectory.from(config);
            alerts = new AlertService(site, Clock.systemUTC(), EscalationPolicy.defaults(), store);
            alerts.retain(retention);
            Pipeline pipeline = new Pipeline(site, (p, d, b, t) -> {
                throw new DecodeException(DecodeFailure.MALFORMED_JSON, "no decoding in this test");
            }, lines -> Future.succeededFuture(), List.of(), DeadLetters.inMemory(Clock.systemUTC()));
            api = new HttpApi(vertx, alerts, pipeline, site, JsonObject::new,
                    new ConsoleAuth(vertx, config.users(), Clock.systemUTC(), secureCookie))
                    .mount(new AlertWorkflowRoutes(alerts, new HouseholdAway(AlertStore.NONE, java.util.Map.of()), site)::mount)
                    .mount(new AlertModelRoutes()::mount)
                    // stand-ins for the camera routes (which need cameras): what reaches them passed the guards
                    .mount(r -> {
                        r.get("/api/snapshots/:id").handler(ctx -> ctx.response().end("jpeg " + ctx.pathParam("id")));
                        r.get("/api/cameras/discovery").handler(ctx -> ctx.response().end("[]"));
                    });
            api.listen("127.0.0.1", 0).onSuccess(s -> started.complete(s.actualPort()))
                    .onFailure(started::completeExceptionally);
        });
        port = started.get(20, TimeUnit.SECONDS);
    }

    /** Raises a gas alarm at {@code location} (e.g. "3-2-501") on the API's event loop. */
    Alert raise(String location) throws Exception {
        return raise(location, AlertKey.household(location, AlertType.GAS_LEAK));
    }

    /** Raises a gas alarm at {@code location} keyed by a made-up device name (distinct names: distinct alerts). */
    Alert raise(String location, String deviceName) throws Exception {
        return raise(location, AlertKey.device(deviceName, AlertType.GAS_LEAK));
    }

    /** Raises a gas alarm at {@code location} with its own key (a second alarm in the same flat is a new alert). */
    Alert raise(String location, AlertKey key) throws Exception {
        CompletableFuture<Alert> raised = new CompletableFuture<>();
        context.runOnContext(v -> raised.complete(alerts.raise(new AlertRequest(key, AlertType.GAS_LEAK,
                Severity.CRITICAL, Location.parse(location), null, ""))));
        return raised.get(10, TimeUnit.SECONDS);
    }

    /** Links a snapshot to an alert, as the camera evidence collector does. */
    void attachSnapshot(Alert alert, String snapshotId) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            alerts.attachEvidence(alert.id(), "/api/snapshots/" + snapshotId);
            done.complete(null);
        });
        done.get(10, TimeUnit.SECONDS);
    }

    /** A logged-in browser: its cookie and CSRF token. */
    record Login(String cookie, String csrf, HttpResponse<String> response) {
    }

    HttpResponse<String> login(String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("user", user).put("password", password).encode())));
    }

    Login loginOk(String user) throws Exception {
        HttpResponse<String> r = login(user, PASSWORD);
        if (r.statusCode() != 200) {
            throw new AssertionError("login of " + user + " answered " + r.statusCode() + " " + r.body());
        }
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return new Login(setCookie.substring(0, setCookie.indexOf(';')), new JsonObject(r.body()).getString("csrfToken"), r);
    }

    HttpResponse<String> get(String path, Login who) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (who != null) {
            b.header("Cookie", who.cookie());
        }
        return send(b);
    }

    HttpResponse<String> post(String path, Login who, String csrf, JsonObject body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
        if (who != null) {
            b.header("Cookie", who.cookie());
        }
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return send(b);
    }

    HttpResponse<String> put(String path, Login who, String csrf, JsonObject body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Cookie", who.cookie()).header("X-CSRF-Token", csrf)
                .PUT(HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(java.time.Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
