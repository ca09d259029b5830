package org.linli.gateway.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linli.gateway.alert.AlertState;
import org.linli.gateway.alert.AlertVocabulary;
import org.linli.gateway.alert.Severity;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/alert-model} over real HTTP: for logged-in users only, and the vocabulary's words and workflow. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AlertModelApiTest {
    private static ConsoleFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new ConsoleFixture(ConsoleFixture.USERS);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    @DisplayName("without a login the model is 401; a grid worker gets the states with their labels and allowed actions")
    void servedToLoggedInUsers() throws Exception {
        // GIVEN no session WHEN the model is asked for THEN 401
        assertEquals(401, f.get("/api/alert-model", null).statusCode());
        // WHEN a grid worker asks for it
        HttpResponse<String> r = f.get("/api/alert-model", f.loginOk("li"));
        // THEN it is JSON with every state, labelled as the vocabulary says, with the lifecycle's actions
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject model = new JsonObject(r.body());
        JsonArray states = model.getJsonArray("states");
        assertEquals(AlertState.values().length, states.size());
        for (AlertState s : AlertState.values()) {
            JsonObject json = byId(states, s.name());
            assertEquals(AlertVocabulary.label(s), json.getString("label"));
            assertEquals(AlertVocabulary.actionsFrom(s).stream().map(Enum::name).toList(),
                    json.getJsonArray("actions").getList());
        }
        // AND the severities come most urgent first with the chat messages' words
        JsonArray severities = model.getJsonArray("severities");
        assertEquals(Severity.CRITICAL_VULNERABLE.name(), severities.getJsonObject(0).getString("id"));
        assertEquals("特急", severities.getJsonObject(0).getString("label"));
        // AND verify is for operators only, accept for both roles, and each person's action names its URL segment
        JsonArray actions = model.getJsonArray("actions");
        assertEquals(List.of("operator"), byId(actions, "VERIFIED").getJsonArray("roles").getList());
        assertEquals(List.of("operator", "grid_worker"), byId(actions, "ACCEPTED").getJsonArray("roles").getList());
        assertEquals("on-site", byId(actions, "ON_SITE").getString("segment"));
        assertEquals(false, byId(actions, "RAISED").getBoolean("byPerson"));
        assertEquals(true, byId(model.getJsonArray("outcomes"), "OTHER").getBoolean("needsNote"));
    }

    private static JsonObject byId(JsonArray items, String id) {
        for (int i = 0; i < items.size(); i++) {
            if (id.equals(items.getJsonObject(i).getString("id"))) {
                return items.getJsonObject(i);
            }
        }
        throw new AssertionError("no " + id + " in " + items.encode());
    }
}
