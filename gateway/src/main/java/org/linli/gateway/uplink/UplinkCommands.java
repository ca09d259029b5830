package org.linli.gateway.uplink;

import io.vertx.core.json.JsonObject;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertAction;
import org.linli.gateway.alert.AlertJson;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertVocabulary;
import org.linli.gateway.alert.InvalidTransitionException;
import org.linli.gateway.alert.Outcome;
import org.linli.gateway.config.UplinkOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Applies the centre's commands (contract of issue 12) to the compound's alerts: parses the request
 * ({@link CommandRequest}), checks the sender's scope, then takes the step through {@link AlertService} as a person
 * would (the history names the centre user: {@code byName}, else {@code by}), so the gateway's own workflow decides.
 * {@code dispatch} reassigns the alert to another grid worker; {@code resend} appends every open alert to the outbox,
 * oldest first. A request already answered (same correlation id) gets the stored reply and is not applied again.
 * Returns the reply; counts each by its code. Event-loop confined (the alert service is).
 */
final class UplinkCommands {
    private static final Logger LOG = LoggerFactory.getLogger(UplinkCommands.class);
    static final List<String> CODES = List.of("ok", "not-found", "not-allowed", "out-of-scope", "bad-request");

    private final UplinkOptions options;
    private final AlertService alerts;
    private final UplinkOutbox outbox;
    private final RecentReplies recent = new RecentReplies();
    private final Map<String, LongAdder> byCode = new ConcurrentHashMap<>();
    final LongAdder duplicates = new LongAdder();

    UplinkCommands(UplinkOptions options, AlertService alerts, UplinkOutbox outbox) {
        this.options = options;
        this.alerts = alerts;
        this.outbox = outbox;
        CODES.forEach(c -> byCode.put(c, new LongAdder()));
    }

    /** The reply to one command ({@code correlationId} may be null: then it is not remembered). */
    JsonObject handle(byte[] payload, String correlationId) {
        JsonObject stored = recent.get(correlationId);
        if (stored != null) {
            duplicates.increment();
            LOG.info("uplink command {} delivered again: answered as before, not applied twice", correlationId);
            return stored;
        }
        JsonObject reply = apply(payload);
        byCode.get(reply.getString("code")).increment();
        recent.put(correlationId, reply);
        return reply;
    }

    /** Commands answered with {@code code} (one of {@link #CODES}). */
    long count(String code) {
        return byCode.get(code).sum();
    }

    private JsonObject apply(byte[] payload) {
        CommandRequest c;
        try {
            c = CommandRequest.parse(payload);
        } catch (CommandRequest.BadCommand e) {
            LOG.warn("uplink command refused: {}", e.getMessage());
            return reply("bad-request", e.getMessage(), null, 0);
        }
        if (!c.covers(options.street(), options.community(), options.compound())) {
            return reply("out-of-scope", "the sender's scope " + c.scopeStreet() + "/" + c.scopeCommunity() + "/"
                    + c.scopeCompound() + " does not cover " + options.topicBase().substring("linli/v1/".length()), null, 0);
        }
        if (c.action().equals("resend")) {
            return reply("ok", null, null, resend());
        }
        if (alerts.get(c.alert()).isEmpty()) {
            return reply("not-found", "no alert " + c.alert() + " in this compound's gateway", null, 0);
        }
        try {
            Alert a = c.action().equals("dispatch") ? alerts.reassign(c.alert(), c.to(), c.by(), c.note())
                    : alerts.act(c.alert(), action(c.action()), c.by(), outcome(c.outcome()), c.note());
            LOG.info("uplink command {} on alert {} by {} applied", c.action(), c.alert(), c.by());
            return reply("ok", null, a, 0);
        } catch (BadOutcome e) {
            return reply("bad-request", e.getMessage(), null, 0);
        } catch (NoSuchElementException e) {
            return reply("not-found", e.getMessage(), null, 0);
        } catch (InvalidTransitionException e) {
            return reply("not-allowed", e.getMessage(), null, 0);
        }
    }

    /** Appends every alert not yet closed or dismissed to the outbox, oldest first; returns how many. */
    private int resend() {
        List<Alert> open = alerts.list().stream().filter(a -> !a.state().isTerminal())
                .sorted(Comparator.comparing(Alert::raisedAt).thenComparing(Alert::id)).toList();
        open.forEach(a -> outbox.onAlert(a, false));
        LOG.info("uplink: {} open alerts appended to the outbox again on the centre's request", open.size());
        return open.size();
    }

    private static AlertAction action(String segment) {
        return AlertVocabulary.bySegment(segment).orElseThrow().action();
    }

    private static Outcome outcome(String name) throws BadOutcome {
        if (name == null) {
            return null;
        }
        try {
            return Outcome.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new BadOutcome("unknown outcome '" + name + "' (known: " + List.of(Outcome.values()) + ")");
        }
    }

    private static final class BadOutcome extends Exception {
        BadOutcome(String message) {
            super(message);
        }
    }

    private static JsonObject reply(String code, String reason, Alert alert, int resent) {
        return new JsonObject().put("v", 1).put("ok", code.equals("ok")).put("code", code).put("reason", reason)
                .put("alert", alert == null ? null : AlertJson.toJson(alert)).put("resent", resent);
    }
}
