package org.linli.gateway.uplink;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The centre's commands (MQTT 5 requests on {@code .../command}) applied by a real gateway through its own alert
 * workflow and answered on the response topic with the correlation data, against an embedded Artemis node.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UplinkCommandTest {
    private static final String CENTRE_USER = "王芳（和平里社区值班）";
    private EmbeddedArtemis broker;
    private CompoundWithUplink compound;
    private CentreClient centre;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        broker = new EmbeddedArtemis(dir.resolve("broker"));
        broker.openUplink();
        centre = new CentreClient(broker.consumerUrl(), "centre-a", CompoundWithUplink.BASE);
        compound = new CompoundWithUplink(broker, dir, 15);
        // the gateway subscribes to its command topic before it publishes its first summary
        await().atMost(Duration.ofSeconds(20)).until(() -> centre.lastSummary() != null);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{compound, centre, broker}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void eachActionIsAppliedByTheWorkflowAndAnsweredWithItsCode() throws Exception {
        // GIVEN an open gas alarm in flat 3-2-501, dispatched to the grid worker 李娜
        Alert gas = compound.raise("gas-3-2-501", AlertType.GAS_LEAK, Severity.CRITICAL_VULNERABLE);

        // WHEN the centre's user accepts it
        JsonObject ok = centre.request(CentreClient.command("accept", gas.id(), null));

        // THEN the reply is ok with the new version, which also arrives on .../alert
        assertTrue(ok.getBoolean("ok"), ok.encode());
        assertEquals("ok", ok.getString("code"));
        assertEquals("ACCEPTED", ok.getJsonObject("alert").getString("state"), ok.encode());
        long version = ok.getJsonObject("alert").getLong("version");
        await().atMost(Duration.ofSeconds(10)).until(() -> centre.alerts.stream().anyMatch(a ->
                gas.id().equals(a.getString("id")) && a.getLong("version") == version
                        && "ACCEPTED".equals(a.getString("state"))));
        // AND the compound's own console shows who in the centre did it
        JsonArray history = compound.get("/api/alerts/" + gas.id()).getJsonArray("history");
        JsonObject last = history.getJsonObject(history.size() - 1);
        assertEquals("ACCEPTED", last.getString("action"), history.encode());
        assertTrue(last.encode().contains(CENTRE_USER), last.encode());

        // WHEN it is verified before it is resolved THEN the workflow refuses, and says why
        JsonObject refused = centre.request(CentreClient.command("verify", gas.id(), null));
        assertEquals("not-allowed", refused.getString("code"), refused.encode());
        assertFalse(refused.getBoolean("ok"));
        assertTrue(refused.getString("reason").contains("cannot verify"), refused.encode());
        assertNull(refused.getValue("alert"), refused.encode());

        // WHEN it is resolved with an outcome THEN ok
        JsonObject resolved = centre.request(CentreClient.command("resolve", gas.id(),
                new JsonObject().put("outcome", "REAL_INCIDENT").put("note", "关阀开窗")));
        assertEquals("RESOLVED", resolved.getJsonObject("alert").getString("state"), resolved.encode());

        // an unknown alert, another community's scope, broken JSON, an unknown action, a bad outcome
        assertEquals("not-found", centre.request(CentreClient.command("accept", "A999-x", null)).getString("code"));
        JsonObject other = CentreClient.command("accept", gas.id(), null);
        other.getJsonObject("scope").put("community", "heping");
        assertEquals("out-of-scope", centre.request(other).getString("code"));
        assertEquals("bad-request", centre.request("{\"v\":1,\"action\":".getBytes(StandardCharsets.UTF_8), "broken")
                .getString("code"));
        assertEquals("bad-request", centre.request(CentreClient.command("explode", gas.id(), null)).getString("code"));
        Alert smoke = compound.raise("smoke-7-1-101", AlertType.FIRE, Severity.CRITICAL);
        centre.request(CentreClient.command("accept", smoke.id(), null));
        JsonObject badOutcome = centre.request(CentreClient.command("dismiss", smoke.id(),
                new JsonObject().put("outcome", "BURNT_TOAST")));
        assertEquals("bad-request", badOutcome.getString("code"), badOutcome.encode());
        JsonObject dismissed = centre.request(CentreClient.command("dismiss", smoke.id(),
                new JsonObject().put("outcome", "FALSE_ALARM_COOKING")));
        assertEquals("DISMISSED", dismissed.getJsonObject("alert").getString("state"), dismissed.encode());

        // AND /metrics counts the commands by result
        String metrics = compound.getText("/metrics");
        assertTrue(metrics.contains("linli_uplink_commands_total{result=\"not_found\"} 1.0")
                || metrics.contains("linli_uplink_commands_total{result=\"not-found\"} 1.0"), metrics);
        assertTrue(metrics.contains("linli_uplink_connected 1.0"), metrics);
    }

    @Test
    void aRequestDeliveredTwiceIsAppliedOnceAndAnsweredTheSameWay() throws Exception {
        // GIVEN an accepted alert
        Alert gas = compound.raise("gas-3-2-501", AlertType.GAS_LEAK, Severity.CRITICAL);
        centre.request(CentreClient.command("accept", gas.id(), null));
        byte[] onSite = CentreClient.command("on-site", gas.id(), null).encode().getBytes(StandardCharsets.UTF_8);

        // WHEN the same request (same correlation id) arrives twice
        JsonObject first = centre.request(onSite, "req-42");
        JsonObject second = centre.request(onSite, "req-42");

        // THEN both answers are the same ok, and the history has one on-site step, not two
        assertEquals(first, second);
        assertEquals("ok", second.getString("code"), second.encode());
        JsonArray history = compound.get("/api/alerts/" + gas.id()).getJsonArray("history");
        assertEquals(1, history.stream().filter(h -> "ON_SITE".equals(((JsonObject) h).getString("action"))).count(),
                history.encode());

        // AND a command without a response topic is applied, its reply not sent but counted
        centre.send(CentreClient.command("resolve", gas.id(), new JsonObject().put("outcome", "REAL_INCIDENT"))
                .encode().getBytes(StandardCharsets.UTF_8), "no-reply", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> compound.getText("/metrics")
                .contains("linli_uplink_replies_unsent_total 1.0"));
        assertEquals("RESOLVED", compound.get("/api/alerts/" + gas.id()).getString("state"));
    }

    @Test
    void dispatchHandsTheAlertToAnotherGridWorkerOnlyAndResendRepublishesOpenAlertsInOrder() throws Exception {
        // GIVEN two open alerts, the first accepted by 李娜
        Alert gas = compound.raise("gas-3-2-501", AlertType.GAS_LEAK, Severity.CRITICAL);
        Alert smoke = compound.raise("smoke-7-1-101", AlertType.FIRE, Severity.CRITICAL);
        centre.request(CentreClient.command("accept", gas.id(), null));

        // WHEN the centre dispatches the gas alarm to 陈静 (chen), a grid worker of this compound
        JsonObject ok = centre.request(CentreClient.command("dispatch", gas.id(), new JsonObject().put("to", "chen")));

        // THEN it is hers and waits for her acceptance again, with a 改派 line naming the centre user
        JsonObject a = ok.getJsonObject("alert");
        assertEquals("ok", ok.getString("code"), ok.encode());
        assertEquals("chen", a.getJsonObject("assignee").getString("id"), a.encode());
        assertEquals("OPEN", a.getString("state"), a.encode());
        JsonObject line = a.getJsonArray("history").getJsonObject(a.getJsonArray("history").size() - 1);
        assertEquals("REASSIGNED", line.getString("action"), line.encode());
        assertTrue(line.encode().contains(CENTRE_USER) && line.encode().contains("改派给 陈静"), line.encode());

        // WHEN dispatched to the grid leader 赵强, or to nobody known THEN not-allowed, saying why
        JsonObject leader = centre.request(CentreClient.command("dispatch", gas.id(), new JsonObject().put("to", "zhao")));
        assertEquals("not-allowed", leader.getString("code"), leader.encode());
        assertTrue(leader.getString("reason").contains("not a grid worker"), leader.encode());
        JsonObject ghost = centre.request(CentreClient.command("dispatch", gas.id(), new JsonObject().put("to", "ghost")));
        assertEquals("not-allowed", ghost.getString("code"), ghost.encode());
        assertTrue(ghost.getString("reason").contains("no person 'ghost'"), ghost.encode());

        // AND the console's own API reassigns too (POST /api/alerts/{id}/reassign)
        HttpResponse<String> back = compound.post("/api/alerts/" + gas.id() + "/reassign",
                new JsonObject().put("to", "li").put("by", "duty-office"));
        assertEquals(200, back.statusCode(), back.body());
        assertEquals("li", new JsonObject(back.body()).getJsonObject("assignee").getString("id"), back.body());

        // WHEN (once every version so far has reached the centre) the centre asks for every open alert again
        long backVersion = new JsonObject(back.body()).getLong("version");
        await().atMost(Duration.ofSeconds(10)).until(() -> centre.alerts.stream().anyMatch(j ->
                gas.id().equals(j.getString("id")) && j.getLong("version") == backVersion));
        int before = centre.alerts.size();
        JsonObject resent = centre.request(CentreClient.command("resend", null, null));

        // THEN the reply counts two, and both arrive again, oldest first
        assertEquals(2, resent.getInteger("resent"), resent.encode());
        await().atMost(Duration.ofSeconds(10)).until(() -> centre.alerts.size() >= before + 2);
        List<String> again = centre.alerts.subList(before, before + 2).stream().map(j -> j.getString("id")).toList();
        assertEquals(List.of(gas.id(), smoke.id()), again);
    }
}
