package org.linli.centre;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertAction;
import org.linli.gateway.alert.AlertJson;
import org.linli.gateway.alert.AlertLifecycle;
import org.linli.gateway.alert.AlertState;
import org.linli.gateway.alert.AlertTransition;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Outcome;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.site.Person;

/**
 * A copy of the archive tests' helper of the same name. Scripts one alert through the gateway's own workflow ({@link AlertLifecycle} for people's steps, the system's
 * raise, dispatch and escalation lines as {@code AlertService} writes them) and keeps every version as the JSON the
 * gateway publishes on its uplink ({@link AlertJson}). Test helper; use and drop on one thread.
 */
final class GatewayAlertScript {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Person WORKER = new Person("li", "李娜", "13800000001");
    static final Person LEADER = new Person("zhao", "赵强", "13800000002");

    private final List<JsonNode> versions = new ArrayList<>();
    private Alert alert;

    private GatewayAlertScript(Alert first) {
        this.alert = first;
        versions.add(json(first));
    }

    /** Raised and dispatched to the grid worker at {@code at}: version 1. */
    static GatewayAlertScript raise(String compound, String id, AlertType type, Severity severity, String grid, Instant at) {
        List<AlertTransition> lines = List.of(
                new AlertTransition(at, AlertAction.RAISED, null, AlertState.OPEN, AlertTransition.SYSTEM, null, "test"),
                new AlertTransition(at, AlertAction.DISPATCHED, AlertState.OPEN, AlertState.OPEN, AlertTransition.SYSTEM,
                        null, "to 李娜 (li)"));
        return new GatewayAlertScript(Alert.builder().id(id).type(type).severity(severity).compound(compound)
                .grid(grid, WORKER, LEADER).raisedAt(at).assignee(WORKER).history(lines).build());
    }

    GatewayAlertScript escalate(Instant at) {
        List<AlertTransition> lines = new ArrayList<>(alert.history());
        lines.add(new AlertTransition(at, AlertAction.ESCALATED, alert.state(), alert.state(), AlertTransition.SYSTEM,
                null, "超时未接单，升级给 赵强"));
        return next(alert.toBuilder().version(alert.version() + 1).escalation(alert.escalationLevel() + 1, LEADER)
                .history(lines).build());
    }

    GatewayAlertScript accept(Instant at) {
        return next(AlertLifecycle.apply(alert, AlertAction.ACCEPTED, WORKER.id(), null, null, at));
    }

    GatewayAlertScript onSite(Instant at) {
        return next(AlertLifecycle.apply(alert, AlertAction.ON_SITE, WORKER.id(), null, null, at));
    }

    GatewayAlertScript resolve(Outcome outcome, Instant at) {
        return next(AlertLifecycle.apply(alert, AlertAction.RESOLVED, WORKER.id(), outcome, "处置完毕", at));
    }

    GatewayAlertScript dismiss(Outcome outcome, Instant at) {
        return next(AlertLifecycle.apply(alert, AlertAction.DISMISSED, WORKER.id(), outcome, "误报", at));
    }

    GatewayAlertScript verify(Instant at) {
        return next(AlertLifecycle.apply(alert, AlertAction.VERIFIED, "duty", null, null, at));
    }

    /** A repeat of the condition: a new version with no history line. */
    GatewayAlertScript repeat(Instant at) {
        return next(alert.toBuilder().version(alert.version() + 1).count(alert.count() + 1).lastSeenAt(at).build());
    }

    /** Every version so far, version 1 first. */
    List<JsonNode> versions() {
        return List.copyOf(versions);
    }

    JsonNode last() {
        return versions.get(versions.size() - 1);
    }

    private GatewayAlertScript next(Alert a) {
        alert = a;
        versions.add(json(a));
        return this;
    }

    private static JsonNode json(Alert a) {
        try {
            return JSON.readTree(AlertJson.toJson(a).encode());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
