package org.linli.sim.uplink;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.alert.AlertAction;
import org.linli.gateway.alert.AlertState;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * One alert of a simulated compound, in the workflow of the gateway's {@code AlertLifecycle} (states
 * {@link AlertState}, history actions {@link AlertAction}) and serialised in the shape of the gateway's
 * {@code AlertJson} (the fields the centre reads). Each change increases {@link #version()}. Not thread-safe: its
 * {@link SimulatedCompound} changes it under the compound's lock.
 */
final class SimulatedAlert {
    private static final Set<AlertState> DISMISSABLE =
            EnumSet.of(AlertState.OPEN, AlertState.DEVICE_CLEARED, AlertState.ACCEPTED, AlertState.ON_SITE);

    private final String id;
    private final AlertType type;
    private final CompoundAddress at;
    private final int building;
    private final String household;
    private final Instant raisedAt;
    private final JsonArray history = new JsonArray();
    private int version;
    private AlertState state = AlertState.OPEN;
    private JsonObject gridWorker;
    private String outcome;

    SimulatedAlert(String id, AlertType type, CompoundAddress at, int building, String household, Instant now) {
        this.id = id;
        this.type = type;
        this.at = at;
        this.building = building;
        this.household = household;
        this.raisedAt = now;
        this.gridWorker = worker("gw-" + building);
        record(AlertAction.RAISED, null, AlertState.OPEN, "system", null, now);
        record(AlertAction.DISPATCHED, null, AlertState.OPEN, "system", null, now);
        version = 1;
    }

    String id() {
        return id;
    }

    int version() {
        return version;
    }

    AlertState state() {
        return state;
    }

    boolean open() {
        return state != AlertState.CLOSED && state != AlertState.DISMISSED;
    }

    /**
     * Applies a command's action ("accept", "on-site", "resolve", "verify", "dismiss", "dispatch") as the
     * gateway's workflow would; returns null when applied, else why not (the reply's {@code not-allowed} reason).
     */
    String apply(String action, String by, String outcomeName, String note, String to, Instant now) {
        AlertState from = state;
        switch (action) {
            case "accept" -> {
                if (!from.awaitingAcceptance()) {
                    return refuse(action);
                }
                move(AlertAction.ACCEPTED, AlertState.ACCEPTED, by, note, now);
            }
            case "on-site" -> {
                if (from != AlertState.ACCEPTED) {
                    return refuse(action);
                }
                move(AlertAction.ON_SITE, AlertState.ON_SITE, by, note, now);
            }
            case "resolve" -> {
                if (from != AlertState.ACCEPTED && from != AlertState.ON_SITE) {
                    return refuse(action);
                }
                outcome = outcomeName == null ? "REAL_INCIDENT" : outcomeName;
                move(AlertAction.RESOLVED, AlertState.RESOLVED, by, note, now);
            }
            case "verify" -> {
                if (from != AlertState.RESOLVED) {
                    return refuse(action);
                }
                move(AlertAction.VERIFIED, AlertState.CLOSED, by, note, now);
            }
            case "dismiss" -> {
                if (!DISMISSABLE.contains(from)) {
                    return refuse(action);
                }
                outcome = outcomeName == null ? "FALSE_ALARM_TEST" : outcomeName;
                move(AlertAction.DISMISSED, AlertState.DISMISSED, by, note, now);
            }
            case "dispatch" -> {
                if (!open() || from == AlertState.RESOLVED) {
                    return refuse(action);
                }
                gridWorker = worker(to);
                move(AlertAction.DISPATCHED, from, by, note, now);
            }
            default -> throw new IllegalArgumentException(action);
        }
        return null;
    }

    private String refuse(String action) {
        return "Cannot " + action + " alert " + id + " in state " + state;
    }

    private void move(AlertAction action, AlertState to, String by, String note, Instant now) {
        record(action, state, to, by, note, now);
        state = to;
        version++;
    }

    private void record(AlertAction action, AlertState from, AlertState to, String by, String note, Instant now) {
        history.add(new JsonObject().put("at", now.toString()).put("action", action.name())
                .put("from", from == null ? null : from.name()).put("to", to.name()).put("by", by)
                .put("byName", by).put("outcome", action == AlertAction.RESOLVED || action == AlertAction.DISMISSED
                        ? outcome : null).put("note", note));
    }

    private JsonObject worker(String personId) {
        return new JsonObject().put("id", personId).put("name", "网格员" + personId).put("phone", "13800000000");
    }

    /** The alert in the gateway's AlertJson shape (the fields the centre uses; no device contacts). */
    JsonObject toJson() {
        String grid = "grid-" + building;
        JsonObject location = new JsonObject().put("compound", at.compound()).put("building", building)
                .put("unit", 1).put("household", household).put("area", null).put("areaName", null)
                .put("text", building + "号楼1单元" + household).put("description", at.name() + " " + building + "号楼");
        return new JsonObject()
                .put("id", id)
                .put("version", version)
                .put("type", type.name())
                .put("title", type.title())
                .put("titleEn", type.englishTitle())
                .put("severity", (type == AlertType.GAS_LEAK || type == AlertType.FIRE ? Severity.CRITICAL
                        : Severity.MAJOR).name())
                .put("state", state.name())
                .put("location", location)
                .put("grid", grid)
                .put("gridName", building + "号楼网格")
                .put("gridWorker", gridWorker)
                .put("nextStep", type.nextStep())
                .put("raisedAt", raisedAt.toString())
                .put("lastSeenAt", raisedAt.toString())
                .put("count", 1)
                .put("escalationLevel", 0)
                .put("escalated", false)
                .put("outcome", outcome)
                .put("timeZone", "Asia/Shanghai")
                .put("history", history.copy());
    }
}
