package org.linli.gateway.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.linli.drivers.model.DeviceType;
import org.linli.gateway.alert.AlertAction;
import org.linli.gateway.alert.AlertLifecycle;
import org.linli.gateway.alert.AlertState;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.AlertVocabulary;
import org.linli.gateway.alert.AlertVocabulary.PersonAction;
import org.linli.gateway.alert.Outcome;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.config.Role;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * {@code GET /api/alert-model} (docs/API.md): the words and the workflow of the alert model as JSON, from
 * {@link AlertVocabulary}, so the console keeps no tables of its own (docs/CONSOLE.md). Any logged-in user may read
 * it (mounted behind the login guard like every route added with {@code HttpApi.mount}); it is built once, as it
 * only changes with the code. Runs on the event loop.
 */
public final class AlertModelRoutes {
    private final String body = model().encode();

    public void mount(Router router) {
        router.get("/api/alert-model").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .end(body));
    }

    /**
     * The model: states (with the actions each allows), actions, severities most urgent first, types, outcomes, roles,
     * device types, and the name shown for the gateway's own steps ({@code system}).
     */
    static JsonObject model() {
        JsonArray states = new JsonArray();
        for (AlertState s : AlertState.values()) {
            JsonArray actions = new JsonArray();
            AlertVocabulary.actionsFrom(s).forEach(a -> actions.add(a.name()));
            states.add(new JsonObject().put("id", s.name()).put("label", AlertVocabulary.label(s))
                    .put("awaitingAcceptance", s.awaitingAcceptance()).put("settled", s.isSettled())
                    .put("terminal", s.isTerminal()).put("actions", actions));
        }
        JsonArray actions = new JsonArray();
        for (AlertAction a : AlertAction.values()) {
            JsonObject json = new JsonObject().put("id", a.name()).put("label", AlertVocabulary.label(a));
            Optional<PersonAction> person = AlertVocabulary.personAction(a);
            json.put("byPerson", person.isPresent());
            person.ifPresent(p -> json.put("segment", p.segment()).put("button", p.button())
                    .put("to", p.leadsTo().name()).put("needsOutcome", p.needsOutcome())
                    .put("outcomePrompt", p.outcomePrompt())
                    .put("outcomes", new JsonArray(p.outcomes().stream().map(Outcome::name).toList()))
                    .put("roles", roles(p)));
            actions.add(json);
        }
        JsonArray severities = new JsonArray();
        Arrays.stream(Severity.values()).sorted(Comparator.comparingInt(AlertVocabulary::rank))
                .forEach(s -> severities.add(new JsonObject().put("id", s.name()).put("label", AlertVocabulary.label(s))
                        .put("rank", AlertVocabulary.rank(s)).put("lifeSafety", s.isLifeSafety())));
        JsonArray types = new JsonArray();
        for (AlertType t : AlertType.values()) {
            types.add(new JsonObject().put("id", t.name()).put("title", t.title()).put("titleEn", t.englishTitle())
                    .put("nextStep", t.nextStep()));
        }
        JsonArray outcomes = new JsonArray();
        for (Outcome o : Outcome.values()) {
            outcomes.add(new JsonObject().put("id", o.name()).put("label", AlertVocabulary.label(o))
                    .put("needsNote", AlertLifecycle.needsNote(o)));
        }
        JsonArray deviceTypes = new JsonArray();
        for (DeviceType t : DeviceType.values()) {
            deviceTypes.add(new JsonObject().put("id", t.id()).put("label", AlertVocabulary.label(t)));
        }
        JsonArray roles = new JsonArray();
        for (Role r : Role.values()) {
            roles.add(new JsonObject().put("id", r.id()).put("label", roleLabel(r)));
        }
        return new JsonObject().put("states", states).put("actions", actions).put("severities", severities)
                .put("types", types).put("outcomes", outcomes).put("roles", roles).put("deviceTypes", deviceTypes)
                .put("system", AlertVocabulary.SYSTEM);
    }

    /** The duty office's steps are the operator's; the others are anyone's who may see the alert. */
    private static JsonArray roles(PersonAction p) {
        JsonArray out = new JsonArray();
        for (Role r : Role.values()) {
            if (!p.dutyOfficeOnly() || r == Role.OPERATOR) {
                out.add(r.id());
            }
        }
        return out;
    }

    private static String roleLabel(Role r) {
        return switch (r) {
            case OPERATOR -> "值班员";
            case GRID_WORKER -> "网格员";
        };
    }
}
