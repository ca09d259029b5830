package org.linli.centre.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.linli.centre.site.CentreUser;
import org.linli.centre.site.Topology;
import org.linli.gateway.auth.LoginThrottle;
import org.linli.gateway.auth.PasswordHasher;
import org.linli.gateway.auth.Session;
import org.linli.gateway.auth.SessionStore;
import org.linli.gateway.auth.User;
import org.linli.gateway.config.Role;
import org.linli.gateway.web.RequestBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Login, logout, {@code /api/me} and the guard in front of every other {@code /api/*} route, built from the gateway's
 * pieces: {@link PasswordHasher} (the same {@code linli hash-password} hashes), {@link LoginThrottle} and the
 * in-memory {@link SessionStore} (30 min idle, 12 h at most; a restart logs everyone out). The gateway's session holds
 * a gateway {@link User}; the centre's user (scope, role) is looked up by its id. No session → 401; a POST without
 * the session's {@code X-CSRF-Token} (given by login and {@code /api/me}) → 403. Event-loop confined; hash checks run
 * on a worker thread, at most 2 at once.
 */
public final class CentreAuth {
    private static final Logger LOG = LoggerFactory.getLogger(CentreAuth.class);
    public static final String COOKIE = "linli_centre_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String KEY = "centre.session";
    private static final int MAX_HASH_CHECKS = 2;

    private final Vertx vertx;
    private final Topology topology;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private int checking;

    public CentreAuth(Vertx vertx, Topology topology, Clock clock) {
        this.vertx = vertx;
        this.topology = topology;
        this.sessions = new SessionStore(clock, Duration.ofMinutes(30), Duration.ofHours(12));
        this.throttle = new LoginThrottle(clock);
        vertx.setPeriodic(60_000, id -> {
            sessions.sweep();
            throttle.sweep();
        });
    }

    public void mount(Router router) {
        router.post("/api/login").handler(RequestBodies.upTo(RequestBodies.LOGIN_MAX_BYTES)).handler(this::login);
        router.route("/api/*").handler(this::guard);
        router.post("/api/logout").handler(this::logout);
        router.get("/api/me").handler(ctx -> Json.ok(ctx, me(ctx)));
    }

    public static CentreUser user(RoutingContext ctx) {
        return ((Logged) ctx.get(KEY)).user();
    }

    public static Session session(RoutingContext ctx) {
        return ((Logged) ctx.get(KEY)).session();
    }

    /** Made on first use, on a worker thread (PBKDF2 at 210,000 iterations must not block the event loop). */
    private static final class Decoy {
        static final String HASH = PasswordHasher.hash("decoy".toCharArray());
    }

    private record Logged(Session session, CentreUser user) {
    }

    private JsonObject me(RoutingContext ctx) {
        Logged l = ctx.get(KEY);
        return l.user().toJson().put("csrfToken", l.session().csrfToken());
    }

    private void guard(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-store");
        Cookie cookie = ctx.request().getCookie(COOKIE);
        Optional<Session> s = sessions.use(cookie == null ? null : cookie.getValue());
        Optional<CentreUser> u = s.flatMap(x -> topology.user(x.user().id()));
        if (u.isEmpty()) {
            Json.error(ctx, 401, "login required");
            return;
        }
        if (ctx.request().method() == HttpMethod.POST && !sameToken(ctx.request().getHeader(CSRF_HEADER),
                s.get().csrfToken())) {
            Json.error(ctx, 403, "missing or wrong " + CSRF_HEADER + " header");
            return;
        }
        ctx.put(KEY, new Logged(s.get(), u.get()));
        ctx.next();
    }

    private void login(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-store");
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        String type = ctx.request().getHeader("Content-Type");
        if (body == null || type == null || !type.startsWith("application/json")) {
            Json.error(ctx, 400, "send {\"user\":\"...\",\"password\":\"...\"} as application/json");
            return;
        }
        String name = body.getValue("user") instanceof String x ? x : "";
        char[] password = (body.getValue("password") instanceof String p ? p : "").toCharArray();
        String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().host();
        Optional<Duration> wait = throttle.waitFor(name, address);
        if (wait.isPresent()) {
            PasswordHasher.wipe(password);
            long seconds = Math.max(1, wait.get().toSeconds() + 1);
            ctx.response().putHeader("Retry-After", Long.toString(seconds));
            Json.error(ctx, 429, "too many failed logins: try again in " + seconds + " s");
            return;
        }
        if (checking >= MAX_HASH_CHECKS) {
            PasswordHasher.wipe(password);
            ctx.response().putHeader("Retry-After", "1");
            Json.error(ctx, 503, "too many logins at once: try again in a second");
            return;
        }
        checking++;
        List<String> started = throttle.attempted(name, address);
        if (!started.isEmpty()) {
            LOG.warn("centre logins from {}: repeated failures, further attempts delayed", address);
        }
        CentreUser user = topology.user(name).orElse(null);
        // the decoy is checked for an unknown name so the answer takes as long; it is made on the worker, once
        vertx.executeBlocking(() -> PasswordHasher.verify(password,
                user == null ? Decoy.HASH : user.passwordHash()), false).onComplete(ar -> {
            checking--;
            PasswordHasher.wipe(password);
            if (ar.failed() || !ar.result() || user == null) {
                Json.error(ctx, 401, "wrong user name or password");
                return;
            }
            throttle.succeeded(name, address);
            Session s = sessions.create(new User(user.id(), user.name(), Role.OPERATOR, null, user.passwordHash()));
            ctx.response().addCookie(Cookie.cookie(COOKIE, s.cookieValue()).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setSecure(ctx.request().isSSL()));
            LOG.info("centre user {} ({} of {} {}) logged in from {}", user.id(), user.role(),
                    user.scope().level().id(), user.scope().id(), address);
            Json.ok(ctx, user.toJson().put("csrfToken", s.csrfToken()));
        });
    }

    private void logout(RoutingContext ctx) {
        Logged l = ctx.get(KEY);
        sessions.end(l.session());
        ctx.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setHttpOnly(true).setMaxAge(0)
                .setSameSite(CookieSameSite.STRICT));
        Json.ok(ctx, new JsonObject().put("loggedOut", true));
    }

    private static boolean sameToken(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
