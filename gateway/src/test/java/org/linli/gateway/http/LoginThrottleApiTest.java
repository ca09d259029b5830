package org.linli.gateway.http;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Login throttling over real HTTP from many real source addresses (docs/CONSOLE.md "Guessing"): client sockets are
 * bound to 127.0.0.x, which Linux routes to lo, so the gateway sees each as its own peer address.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LoginThrottleApiTest {
    private ConsoleFixture f;
    private RawHttp raw;

    @BeforeEach
    void start() throws Exception {
        f = new ConsoleFixture(ConsoleFixture.USERS);
        raw = new RawHttp(f.port);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    @DisplayName("100 guesses for duty over 20 addresses are throttled; duty still logs in at once from a known address")
    void distributedGuessesAreThrottled() throws Exception {
        // GIVEN duty logged in from their own PC (127.0.0.2) earlier
        assertEquals(200, login("127.0.0.2", "duty", ConsoleFixture.PASSWORD).status());
        // WHEN 100 guesses for duty come from 20 other addresses, 5 each, in turns
        int refused = 0;
        int checked = 0;
        for (int round = 0; round < 5; round++) {
            for (int a = 0; a < 20; a++) {
                RawHttp.Answer r = login("127.0.0." + (10 + a), "duty", "guess-" + round + "-" + a);
                if (r.status() == 429) {
                    refused++;
                    int retryAfter = Integer.parseInt(r.header("Retry-After"));
                    assertTrue(retryAfter >= 1 && retryAfter <= 61, "Retry-After " + retryAfter);
                } else {
                    assertEquals(401, r.status(), r.body());
                    checked++;
                }
            }
        }
        // THEN most are refused without a password check
        assertTrue(refused >= 80, refused + " of 100 guesses refused, " + checked + " checked");
        // AND the real user at their known address logs in at once, right password, no wait
        RawHttp.Answer own = login("127.0.0.2", "duty", ConsoleFixture.PASSWORD);
        assertEquals(200, own.status(), own.body());
        // AND from an address never used before they are delayed by at most a minute, not locked out
        RawHttp.Answer elsewhere = login("127.0.0.99", "duty", ConsoleFixture.PASSWORD);
        if (elsewhere.status() == 429) {
            int retryAfter = Integer.parseInt(elsewhere.header("Retry-After"));
            assertTrue(retryAfter <= 61, "Retry-After " + retryAfter);
        } else {
            assertEquals(200, elsewhere.status(), elsewhere.body());
        }
        // AND another user is not affected
        assertEquals(200, login("127.0.0.10", "li", ConsoleFixture.PASSWORD).status());
    }

    @Test
    @DisplayName("spraying guesses over many user names from one address is throttled per address")
    void sprayFromOneAddressIsThrottled() throws Exception {
        // WHEN one address tries 10 user names, 4 guesses each (under every per-user count)
        int refused = 0;
        for (int round = 0; round < 4; round++) {
            for (int u = 0; u < 10; u++) {
                String user = u < 4 ? List.of("duty", "li", "chen", "wang").get(u) : "user" + u;
                if (login("127.0.0.40", user, "spray" + round).status() == 429) {
                    refused++;
                }
            }
        }
        // THEN after 20 failures the address waits
        assertTrue(refused >= 15, refused + " of 40 refused");
        // AND the same users log in from elsewhere
        assertEquals(200, login("127.0.0.41", "chen", ConsoleFixture.PASSWORD).status());
    }

    @Test
    @DisplayName("X-Forwarded-For is not trusted: guesses from one peer with changing headers count as one address")
    void forwardedForIsIgnored() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(raw.postJson("127.0.0.50", "/api/login", body("wang", "guess" + i),
                    "X-Forwarded-For: 10.9.8." + i + "\r\nForwarded: for=10.9.7." + i + "\r\n").status());
        }
        assertEquals(List.of(401, 401, 401, 401, 401), statuses.subList(0, 5));
        assertTrue(statuses.subList(5, 10).stream().allMatch(s -> s == 429), statuses.toString());
    }

    @Test
    @DisplayName("logins beyond the concurrent password-check bound answer 503 at once instead of queueing")
    void concurrentHashChecksAreBounded() throws Exception {
        // GIVEN 40 connections open from 4 addresses
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                sockets.add(raw.connect("127.0.0." + (60 + i % 4)));
            }
            // WHEN a login for a different user name is written on each, all at once
            for (int i = 0; i < 40; i++) {
                byte[] b = body("nobody" + i, "x").getBytes(StandardCharsets.UTF_8);
                OutputStream out = sockets.get(i).getOutputStream();
                out.write(("POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + b.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(b);
                out.flush();
            }
            // THEN those beyond the bound are refused with 503 and Retry-After, the rest checked (401)
            int busy = 0;
            for (Socket s : sockets) {
                RawHttp.Answer a = RawHttp.read(s.getInputStream());
                if (a.status() == 503) {
                    busy++;
                    assertEquals("1", a.header("Retry-After"));
                } else {
                    assertEquals(401, a.status(), a.body());
                }
            }
            assertTrue(busy > 0, "all 40 logins were hash-checked: none refused as busy");
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
        // AND once they are done a login works
        assertEquals(200, login("127.0.0.64", "li", ConsoleFixture.PASSWORD).status());
    }

    private RawHttp.Answer login(String from, String user, String password) throws Exception {
        return raw.postJson(from, "/api/login", body(user, password), "");
    }

    private static String body(String user, String password) {
        return new JsonObject().put("user", user).put("password", password).encode();
    }
}
