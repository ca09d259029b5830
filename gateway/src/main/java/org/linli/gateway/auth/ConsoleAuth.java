package org.linli.gateway.auth;

import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.linli.gateway.config.Role;
import org.linli.gateway.config.UserConfig;
import org.linli.gateway.web.RequestBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Login, logout and the guard in front of every {@code /api/*} route (docs/CONSOLE.md). With no users configured the
 * guard lets everything through (tests, the loopback-only demo) and the gateway says so once at start. With users:
 * no session cookie → 401; a POST/PUT/PATCH/DELETE without the session's {@code X-CSRF-Token} → 403. Event-loop
 * confined; password checks run on a worker thread because PBKDF2 at 210,000 iterations takes a noticeable time,
 * at most {@link #MAX_CONCURRENT_HASH_CHECKS} at once ({@link PasswordCheckSlots}); guessing is slowed by
 * {@link LoginThrottle}.
 */
public final class ConsoleAuth {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAuth.class);
    public static final String COOKIE = "linli_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SESSION_KEY = "linli.session";
    /** Password-hash checks at once: each keeps a core busy for tens of milliseconds (docs/CONSOLE.md). */
    static final int MAX_CONCURRENT_HASH_CHECKS = 2;
    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final Vertx vertx;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final PasswordCheckSlots hashChecks = new PasswordCheckSlots(MAX_CONCURRENT_HASH_CHECKS);
    private final boolean secureCookie;
    /** Checked when the user name is unknown, so the answer takes as long as for a known user. */
    private final String decoyHash;
    private long sweepTimer = -1;
    private final SessionFile file;

    /** Sessions in memory only: a restart logs everyone out (tests). */
    public ConsoleAuth(Vertx vertx, List<UserConfig> configured, Clock clock, boolean secureCookie) {
        this(vertx, configured, clock, secureCookie, null);
    }

    /**
     * Sessions kept in {@code file} too (null: memory only); the sessions it held at start are taken back for users
     * that still exist in {@code configured}.
     */
    public ConsoleAuth(Vertx vertx, List<UserConfig> configured, Clock clock, boolean secureCookie, SessionFile file) {
        this.vertx = vertx;
        this.file = file;
        if (configured != null) {
            for (UserConfig u : configured) {
                Role role = u.role();
                users.put(u.id(), new User(u.id(), u.name(), role, role == Role.OPERATOR ? null : u.grid(), u.passwordHash()));
            }
        }
        this.sessions = new SessionStore(clock, Duration.ofMinutes(30), Duration.ofHours(12),
                file == null ? SessionStore.Persistence.NONE : file);
        if (file != null && enabled()) {
            int restored = sessions.restore(file.rows(), id -> Optional.ofNullable(users.get(id)));
            if (restored > 0) {
                LOG.info("{} console session(s) taken back from the session file", restored);
            }
        }
        this.throttle = new LoginThrottle(clock);
        this.secureCookie = secureCookie;
        this.decoyHash = enabled() ? PasswordHasher.hash("decoy".toCharArray()) : null;
        if (enabled()) {
            sweepTimer = vertx.setPeriodic(60_000, id -> {
                sessions.sweep();
                throttle.sweep();
            });
        } else {
            LOG.warn("no users: section in the config: the console and /api/* need no login; "
                    + "add users before exposing the gateway beyond loopback (docs/CONSOLE.md)");
        }
    }

    /** True when users are configured and the API requires a login. */
    public boolean enabled() {
        return !users.isEmpty();
    }

    /**
     * Mounts {@code POST /api/login}, the guard for every other {@code /api/*} route, then {@code POST /api/logout}
     * and {@code GET /api/session}. Call before mounting the routes it protects.
     */
    public void mount(Router router) {
        router.post("/api/login").handler(RequestBodies.upTo(RequestBodies.LOGIN_MAX_BYTES)).handler(this::login);
        router.route("/api/*").handler(this::guard);
        router.post("/api/logout").handler(this::logout);
        router.get("/api/session").handler(this::whoAmI);
    }

    /** The logged-in user of this request, or empty in open mode. */
    public static Optional<User> user(RoutingContext ctx) {
        return session(ctx).map(Session::user);
    }

    public static Optional<Session> session(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(SESSION_KEY));
    }

    private void guard(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-store");
        if (!enabled()) {
            ctx.next();
            return;
        }
        Cookie cookie = ctx.request().getCookie(COOKIE);
        Optional<Session> s = sessions.use(cookie == null ? null : cookie.getValue());
        if (s.isEmpty()) {
            error(ctx, 401, "login required");
            return;
        }
        if (STATE_CHANGING.contains(ctx.request().method())
                && !sameToken(ctx.request().getHeader(CSRF_HEADER), s.get().csrfToken())) {
            error(ctx, 403, "missing or wrong " + CSRF_HEADER + " header");
            return;
        }
        ctx.put(SESSION_KEY, s.get());
        ctx.next();
    }

    private void login(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-store");
        if (!enabled()) {
            error(ctx, 404, "no users are configured: the API needs no login");
            return;
        }
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException e) {
            body = null;
        }
        String contentType = ctx.request().getHeader("Content-Type");
        if (body == null || contentType == null || !contentType.startsWith("application/json")) {
            // requiring JSON also stops a cross-site HTML form from posting a login
            error(ctx, 400, "send {\"user\":\"...\",\"password\":\"...\"} as application/json");
            return;
        }
        String name = body.getValue("user") instanceof String u ? u : "";
        char[] password = (body.getValue("password") instanceof String p ? p : "").toCharArray();
        String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().host();
        Optional<Duration> wait = throttle.waitFor(name, address);
        if (wait.isPresent()) {
            PasswordHasher.wipe(password);
            long seconds = Math.max(1, wait.get().toSeconds() + 1);
            ctx.response().putHeader("Retry-After", Long.toString(seconds));
            error(ctx, 429, "too many failed logins: try again in " + seconds + " s");
            return;
        }
        if (!hashChecks.tryTake()) {
            PasswordHasher.wipe(password);
            ctx.response().putHeader("Retry-After", "1");
            error(ctx, 503, "too many logins at once: try again in a second");
            return;
        }
        // counted up front and taken back on success, so parallel guesses cannot outrun the delays
        List<String> started = throttle.attempted(name, address);
        if (!started.isEmpty()) {
            LOG.warn("logins for '{}' from {}: repeated failures, further attempts delayed (per {})",
                    name.length() > 64 ? name.substring(0, 64) + "..." : name, address, String.join(", ", started));
        }
        User user = users.get(name);
        String stored = user == null ? decoyHash : user.passwordHash();
        vertx.executeBlocking(() -> PasswordHasher.verify(password, stored), false).onComplete(ar -> {
            hashChecks.giveBack();
            PasswordHasher.wipe(password);
            if (ar.failed() || !ar.result() || user == null) {
                error(ctx, 401, "wrong user name or password");
                return;
            }
            throttle.succeeded(name, address);
            Session s = sessions.create(user);
            ctx.response().addCookie(Cookie.cookie(COOKIE, s.cookieValue()).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setSecure(secureCookie || ctx.request().isSSL()));
            LOG.info("{} logged in from {}", user, address);
            json(ctx, sessionJson(s));
        });
    }

    private void logout(RoutingContext ctx) {
        session(ctx).ifPresent(s -> {
            sessions.end(s);
            LOG.info("{} logged out", s.user());
        });
        ctx.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setHttpOnly(true).setMaxAge(0)
                .setSameSite(CookieSameSite.STRICT).setSecure(secureCookie || ctx.request().isSSL()));
        json(ctx, new JsonObject().put("loggedOut", true));
    }

    /** Who is logged in, with the CSRF token, so a reloaded page can carry on without a new login. */
    private void whoAmI(RoutingContext ctx) {
        Optional<Session> s = session(ctx);
        json(ctx, s.map(this::sessionJson).orElse(new JsonObject().put("authRequired", false).putNull("user")));
    }

    private JsonObject sessionJson(Session s) {
        return new JsonObject().put("authRequired", true).put("user", s.user().toJson())
                .put("csrfToken", s.csrfToken()).put("idleTimeoutSeconds", sessions.idle().toSeconds());
    }

    private static boolean sameToken(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    public void close() {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
        if (file != null) {
            file.close();
        }
    }

    private static void json(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }

    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("error", message).encode());
    }
}
