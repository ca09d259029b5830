package org.linli.gateway.alert;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.site.CareFlag;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linli.gateway.alert.AlertFixture.T0;

/**
 * The stored alert format and the row-by-row restore, on a real SQLite file: a store written by the previous format
 * (the frozen dump of what commit df86acf wrote) is read, rewritten in format 2, and its unreadable rows are kept
 * aside, counted and reported; format 2 itself refuses every kind of damaged row without failing the read.
 */
class AlertStoreFormatTest {
    @TempDir
    Path dataDir;

    private final AlertFixture f = new AlertFixture();
    private SqliteAlertStore store;

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private SqliteAlertStore.Snapshot open() throws Exception {
        if (store != null) {
            await(store.close());
        }
        store = await(SqliteAlertStore.open(dataDir, f.clock));
        return await(store.load(AlertRetention.DEFAULT, f.clock.instant()));
    }

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            await(store.close());
        }
    }

    @Test
    @DisplayName("a store of the previous format with two corrupt rows: the four good alerts come back and are rewritten in format 2, the corrupt rows are kept aside with their reasons and reported, and the next start reads the same alerts")
    void previousFormatRestoredRowByRow() throws Exception {
        // GIVEN the store as the previous gateway wrote it, plus a row whose state constant was renamed and a truncated row
        FormatOneStore.write(dataDir);
        String renamed = new JsonObject(json(FormatOneStore.GAS)).put("id", "A9-renamed").put("state", "ESCALATED").encode();
        FormatOneStore.addRow(dataDir, "A9-renamed", "gas-3-2-502/GAS_LEAK", "ESCALATED", renamed);
        FormatOneStore.addRow(dataDir, "A8-broken", "smoke-3-1-101/FIRE", "OPEN", "{\"id\":\"A8-broken\",\"version\":1,\"ty");
        f.clock.advance(Duration.ofHours(1));

        // WHEN the store is opened and read as the gateway does at start
        SqliteAlertStore.Snapshot first = open();

        // THEN the four good alerts are restored, in stored order, with their keys
        assertEquals(List.of(FormatOneStore.GAS, FormatOneStore.FIRE, FormatOneStore.BUS, FormatOneStore.CABINET),
                first.alerts().stream().map(s -> s.alert().id()).toList());
        assertEquals(List.of(true, false, true, false), first.alerts().stream().map(AlertStore.Stored::keyOpen).toList());
        assertEquals(new SqliteAlertStore.RestoreReport(4, 4, 2, first.report().millis()), first.report());
        // AND field by field as the previous format held them
        Map<String, Alert> byId = byId(first.alerts());
        Alert gas = byId.get(FormatOneStore.GAS);
        assertEquals(AlertState.OPEN, gas.state());
        assertEquals(Severity.CRITICAL_VULNERABLE, gas.severity());
        assertEquals(2, gas.count());
        assertEquals(1, gas.escalationLevel());
        assertEquals("zhao", gas.escalatedTo().id());
        assertEquals(Set.of(CareFlag.ELDERLY_LIVING_ALONE), gas.care());
        assertEquals("王芳", gas.contacts().get(0).name());
        assertEquals(List.of("/api/snapshots/cam-3-door-1"), gas.evidence());
        assertEquals("3-2-501", gas.location().toString());
        assertEquals(T0, gas.raisedAt());
        assertEquals(T0.plusSeconds(15), gas.lastSeenAt());
        Alert fire = byId.get(FormatOneStore.FIRE);
        assertEquals(AlertState.CLOSED, fire.state());
        assertEquals(Outcome.FALSE_ALARM_COOKING, fire.outcome());
        assertEquals(AlertAction.VERIFIED, fire.history().get(fire.history().size() - 1).action());
        assertNull(byId.get(FormatOneStore.CABINET).location());
        assertEquals(AlertState.DISMISSED, byId.get(FormatOneStore.CABINET).state());
        // AND every good row is now format 2; the corrupt ones are out of the alerts table and in the quarantine, raw
        assertEquals(Map.of(FormatOneStore.GAS, 2, FormatOneStore.FIRE, 2, FormatOneStore.BUS, 2,
                FormatOneStore.CABINET, 2), formats());
        List<List<String>> kept = quarantineRows();
        assertEquals(List.of("A9-renamed", "A8-broken"), kept.stream().map(r -> r.get(0)).toList());
        assertEquals(renamed, kept.get(0).get(1), "the raw row is kept as it was");
        assertTrue(kept.get(0).get(2).contains("ESCALATED"), kept.get(0).get(2));
        assertTrue(kept.get(1).get(2).contains("not JSON"), kept.get(1).get(2));
        JsonObject status = store.statusJson();
        assertEquals(2, status.getLong("quarantined"));
        assertEquals(4, status.getInteger("restored"));
        assertEquals(List.of("A8-broken", "A9-renamed"), status.getJsonArray("quarantine").stream()
                .map(o -> ((JsonObject) o).getString("id")).toList(), "newest first");
        assertEquals(f.clock.instant().toString(), status.getJsonArray("quarantine").getJsonObject(0).getString("at"));

        // WHEN the gateway starts again
        SqliteAlertStore.Snapshot second = open();

        // THEN the same alerts come back from format 2, nothing is rewritten or moved aside again, and the report of the
        // quarantine still shows the two rows kept by the first start
        assertEquals(first.alerts(), second.alerts());
        assertEquals(new SqliteAlertStore.RestoreReport(4, 0, 0, second.report().millis()), second.report());
        assertEquals(2, store.quarantined());
        assertEquals(2, quarantineRows().size());
        // AND an alert service restored from it holds the open alerts' keys and the gas alarm's escalation deadline
        AlertService service = f.service(store);
        service.restore(second.alerts());
        assertEquals(FormatOneStore.GAS, service.open(AlertFixture.GAS_KEY).orElseThrow().id());
        assertEquals(1, service.awaitingAcceptance());
    }

    @Test
    @DisplayName("format 2 is bound strictly: an unknown enum constant, a missing property, an unknown property, a null required value, a bad instant, bad JSON and an unknown format each make their row unreadable; the good row still loads")
    void damagedRowsOfTheCurrentFormat() throws Exception {
        // GIVEN a store holding one good alert in format 2
        open();
        AlertService service = f.service(store);
        Alert good = service.raise(f.gasLeak());
        await(store.flush());
        JsonObject record = new JsonObject(AlertRecordFormat.encode(good));
        Map<String, String> damaged = new LinkedHashMap<>();
        damaged.put("B1", record.copy().put("severity", "URGENT").encode());
        damaged.put("B2", copyWithout(record, "history").encode());
        damaged.put("B3", record.copy().put("colour", "red").encode());
        damaged.put("B4", record.copy().putNull("raisedAt").encode());
        damaged.put("B5", record.copy().put("lastSeenAt", "yesterday").encode());
        damaged.put("B6", "not json at all");
        damaged.forEach((id, json) -> insert(id, 2, json.replace(good.id(), id)));
        insert("B7", 3, record.encode().replace(good.id(), "B7"));

        // WHEN the store is read at start
        SqliteAlertStore.Snapshot snapshot = open();

        // THEN only the good alert is restored, equal to what was saved
        assertEquals(List.of(good), snapshot.alerts().stream().map(AlertStore.Stored::alert).toList());
        // AND each damaged row was kept aside, with a reason naming what was wrong
        List<List<String>> kept = quarantineRows();
        assertEquals(List.of("B1", "B2", "B3", "B4", "B5", "B6", "B7"), kept.stream().map(r -> r.get(0)).toList());
        List<String> reasons = kept.stream().map(r -> r.get(2)).toList();
        assertTrue(reasons.get(0).contains("URGENT"), reasons.get(0));
        assertTrue(reasons.get(1).contains("history"), reasons.get(1));
        assertTrue(reasons.get(2).contains("colour"), reasons.get(2));
        assertTrue(reasons.get(3).contains("raisedAt"), reasons.get(3));
        assertTrue(reasons.get(4).contains("yesterday"), reasons.get(4));
        assertTrue(reasons.get(6).contains("unknown format 3"), reasons.get(6));
        assertEquals(7, snapshot.report().quarantined());
    }

    private static JsonObject copyWithout(JsonObject o, String field) {
        JsonObject c = o.copy();
        c.remove(field);
        return c;
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("alerts").resolve("alerts.db"));
    }

    private String json(String id) throws SQLException {
        try (Connection c = db(); PreparedStatement p = c.prepareStatement("SELECT json FROM alerts WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void insert(String id, int format, String json) {
        try (Connection c = db(); PreparedStatement p = c.prepareStatement("INSERT INTO alerts (id, alert_key, key_open, "
                + "state, version, json, format) VALUES (?, ?, 1, 'OPEN', 1, ?, ?)")) {
            p.setString(1, id);
            p.setString(2, "key-" + id);
            p.setString(3, json);
            p.setInt(4, format);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private Map<String, Integer> formats() throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery("SELECT id, format FROM alerts")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    /** [id, raw json, reason] of every quarantined row, in the order they were kept aside. */
    private List<List<String>> quarantineRows() throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Connection c = db(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT id, json, reason FROM alerts_quarantine ORDER BY rowid")) {
            while (rs.next()) {
                out.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    private static Map<String, Alert> byId(List<AlertStore.Stored> stored) {
        Map<String, Alert> out = new LinkedHashMap<>();
        stored.forEach(s -> out.put(s.alert().id(), s.alert()));
        return out;
    }
}
