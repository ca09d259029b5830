package org.linli.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Outcome;
import org.linli.gateway.alert.Severity;

/** The archive on a real PostgreSQL 15 gives one correct row per alert and per transition whatever the duplicates. */
class AlertArchiveIdempotencyTest {
    private static final Instant T0 = Instant.parse("2026-12-05T02:00:00Z");

    private ArchiveDatabase db;
    private AlertArchive archive;

    @BeforeEach
    void open() {
        PostgresServer pg = PostgresServer.shared();
        db = ArchiveDatabase.open(pg.createDatabase("idem"), pg.user(), "", 4);
        archive = new AlertArchive(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Two alerts of two compounds with the same id, each through the whole workflow (7 and 4 versions). */
    private static List<List<JsonNode>> scripts() {
        List<JsonNode> gas = GatewayAlertScript.raise("x1", "A1-k1", AlertType.GAS_LEAK, Severity.CRITICAL, "g1", T0)
                .escalate(T0.plusSeconds(300)).accept(T0.plusSeconds(420)).repeat(T0.plusSeconds(430))
                .onSite(T0.plusSeconds(900)).resolve(Outcome.REAL_INCIDENT, T0.plusSeconds(1500))
                .verify(T0.plusSeconds(3600)).versions();
        List<JsonNode> smoke = GatewayAlertScript.raise("x2", "A1-k1", AlertType.FIRE, Severity.CRITICAL, "g2", T0)
                .accept(T0.plusSeconds(60)).onSite(T0.plusSeconds(240))
                .dismiss(Outcome.FALSE_ALARM_COOKING, T0.plusSeconds(300)).versions();
        return List.of(gas, smoke);
    }

    private void recordAllOnce(List<List<JsonNode>> scripts) throws Exception {
        for (List<JsonNode> versions : scripts) {
            String compound = versions.get(0).at("/location/compound").asText();
            for (JsonNode v : versions) {
                archive.record("s1", "c1", compound, v);
            }
        }
    }

    @Test
    void cleanPassGivesOneRowPerAlertWithItsWorkflowTimesAndOneRowPerHistoryLine() throws Exception {
        // GIVEN every version of two alerts, in order, once
        recordAllOnce(scripts());

        // THEN each alert is one row at its last version, its times taken from its history
        assertEquals(List.of(
                "x1|A1-k1|s1|c1|g1|GAS_LEAK|CRITICAL|CLOSED|2026-12-05 02:00:00+00|2026-12-05 02:07:00+00|"
                        + "2026-12-05 02:15:00+00|2026-12-05 02:25:00+00|2026-12-05 03:00:00+00|REAL_INCIDENT|1|7|7|CLOSED",
                "x2|A1-k1|s1|c1|g2|FIRE|CRITICAL|DISMISSED|2026-12-05 02:00:00+00|2026-12-05 02:01:00+00|"
                        + "2026-12-05 02:04:00+00|2026-12-05 02:05:00+00|FALSE_ALARM_COOKING|0|4|4|DISMISSED"),
                ArchiveTables.alerts(db.dataSource()));
        // AND one transition row per history line: 2 + escalate, accept, on site, resolve, verify; 2 + 3
        List<String> transitions = ArchiveTables.transitions(db.dataSource());
        assertEquals(12, transitions.size(), String.join("\n", transitions));
        assertEquals("x1|A1-k1|2|ESCALATED|system|2026-12-05 02:05:00+00|OPEN|OPEN|超时未接单，升级给 赵强", transitions.get(2));
        assertEquals("x2|A1-k1|4|DISMISSED|li|2026-12-05 02:05:00+00|ON_SITE|DISMISSED|FALSE_ALARM_COOKING|误报",
                transitions.get(11));
    }

    @Test
    void duplicatedReorderedAndReplayedVersionsGiveTheSameTablesAsOneCleanPass() throws Exception {
        // GIVEN the tables after one clean pass, in a database of their own
        recordAllOnce(scripts());
        List<String> cleanAlerts = ArchiveTables.alerts(db.dataSource());
        List<String> cleanTransitions = ArchiveTables.transitions(db.dataSource());
        db.close();
        PostgresServer pg = PostgresServer.shared();
        db = ArchiveDatabase.open(pg.createDatabase("idem"), pg.user(), "", 4);
        archive = new AlertArchive(db.dataSource());

        // WHEN every version arrives three times, shuffled, partly in batches and partly one by one, newest first for a while
        List<ArchivedAlert> all = new ArrayList<>();
        for (List<JsonNode> versions : scripts()) {
            String compound = versions.get(0).at("/location/compound").asText();
            for (JsonNode v : versions) {
                all.add(AlertVersionReader.read(new CompoundRef("s1", "c1", compound), v));
            }
        }
        List<ArchivedAlert> feed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            feed.addAll(all);
        }
        Collections.shuffle(feed, new Random(13));
        List<ArchivedAlert> newestFirst = new ArrayList<>(all);
        Collections.reverse(newestFirst);
        for (ArchivedAlert v : newestFirst) {
            archive.recordAll(List.of(v));
        }
        for (int from = 0; from < feed.size(); from += 5) {
            archive.recordAll(feed.subList(from, Math.min(feed.size(), from + 5)));
        }

        // THEN the tables are exactly those of the clean pass
        assertEquals(cleanAlerts, ArchiveTables.alerts(db.dataSource()));
        assertEquals(cleanTransitions, ArchiveTables.transitions(db.dataSource()));
    }

    @Test
    void anOlderVersionArrivingAfterANewerOneChangesNothing() throws Exception {
        // GIVEN the last version of the gas alert archived
        List<JsonNode> gas = scripts().get(0);
        archive.record("s1", "c1", "x1", gas.get(gas.size() - 1));
        List<String> before = ArchiveTables.alerts(db.dataSource());

        // WHEN version 1 (OPEN, no times) arrives late
        archive.record("s1", "c1", "x1", gas.get(0));

        // THEN the row still holds the last version, and the history lines stay one each
        assertEquals(before, ArchiveTables.alerts(db.dataSource()));
        assertEquals(7, ArchiveTables.transitions(db.dataSource()).size());
    }

    @Test
    void twoReplicasWritingTheSameVersionsAtOnceLeaveOneRowPerAlertAndTransition() throws Exception {
        // GIVEN the clean tables for comparison
        recordAllOnce(scripts());
        List<String> cleanAlerts = ArchiveTables.alerts(db.dataSource());
        List<String> cleanTransitions = ArchiveTables.transitions(db.dataSource());
        db.close();
        PostgresServer pg = PostgresServer.shared();
        db = ArchiveDatabase.open(pg.createDatabase("idem"), pg.user(), "", 4);
        AlertArchive replicaA = new AlertArchive(db.dataSource());
        AlertArchive replicaB = new AlertArchive(db.dataSource());

        // WHEN two archive writers (as after a replica failover re-delivered a burst) record all versions concurrently
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (AlertArchive replica : List.of(replicaA, replicaB)) {
                done.add(two.submit(() -> {
                    for (List<JsonNode> versions : scripts()) {
                        String compound = versions.get(0).at("/location/compound").asText();
                        for (JsonNode v : versions) {
                            replica.record("s1", "c1", compound, v);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            two.shutdownNow();
        }

        // THEN the tables are those of one clean pass
        assertEquals(cleanAlerts, ArchiveTables.alerts(db.dataSource()));
        assertEquals(cleanTransitions, ArchiveTables.transitions(db.dataSource()));
    }

    @Test
    void twoWritersWithOverlappingBatchesInOppositeOrdersNeitherDeadlockNorDiffer() throws Exception {
        // GIVEN the known scenario's versions as one batch, and the same batch reversed
        List<ArchivedAlert> batch = new ArrayList<>();
        for (List<JsonNode> versions : KnownScenario.alerts()) {
            String compound = versions.get(0).at("/location/compound").asText();
            for (JsonNode v : versions) {
                batch.add(AlertVersionReader.read(new CompoundRef("s1", "c1", compound), v));
            }
        }
        List<ArchivedAlert> reversed = new ArrayList<>(batch);
        Collections.reverse(reversed);

        // WHEN two writers (a replica failing over) commit them 200 times each, at the same time
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<ArchivedAlert> b : List.of(batch, reversed)) {
                done.add(two.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        archive.recordAll(b);
                    }
                    return null;
                }));
            }
            // THEN neither fails (a deadlock would abort one transaction with an error)
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            two.shutdownNow();
        }
        // AND there is one row per alert at its last version
        assertEquals(10, ArchiveTables.alerts(db.dataSource()).size());
    }

    @Test
    void theBatchingWriterCompletesEachVersionAfterItsCommitAndRefusesAMalformedOne() throws Exception {
        // GIVEN a writer taking up to 4 versions per transaction
        try (ArchiveWriter writer = new ArchiveWriter(archive, 4)) {
            // WHEN all versions of both alerts are submitted, plus one without an id
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            for (List<JsonNode> versions : scripts()) {
                String compound = versions.get(0).at("/location/compound").asText();
                versions.forEach(v -> futures.add(writer.submit("s1", "c1", compound, v)));
            }
            JsonNode noId = ((com.fasterxml.jackson.databind.node.ObjectNode) scripts().get(0).get(0).deepCopy()).remove(List.of("id"));
            CompletableFuture<Void> bad = writer.submit("s1", "c1", "x1", noId);

            // THEN every good future completes, and once they have, the rows are there; the bad one fails alone
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertEquals(2, ArchiveTables.alerts(db.dataSource()).size());
            assertEquals(12, ArchiveTables.transitions(db.dataSource()).size());
            Exception e = assertThrows(Exception.class, () -> bad.get(5, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof MalformedAlertVersionException, e.toString());
        }
    }

    @Test
    void darkPeriodsOpenOnceCloseOnceAndIgnoreRepeatsAndReplays() throws Exception {
        // GIVEN a box that went dark at 10:00 and came back at 10:30, then dark again at 11:00 (still dark)
        Instant ten = Instant.parse("2026-12-05T02:00:00Z");
        // WHEN the centre records each change, repeats each, and replays the first period afterwards
        archive.recordReachability("s1", "c1", "x1", false, ten);
        archive.recordReachability("s1", "c1", "x1", false, ten.plusSeconds(60));
        archive.recordReachability("s1", "c1", "x1", true, ten.plusSeconds(1800));
        archive.recordReachability("s1", "c1", "x1", true, ten.plusSeconds(1860));
        archive.recordReachability("s1", "c1", "x1", false, ten.plusSeconds(3600));
        archive.recordReachability("s1", "c1", "x1", false, ten.plusSeconds(3660));
        archive.recordReachability("s1", "c1", "x1", false, ten);
        archive.recordReachability("s1", "c1", "x1", false, ten.plusSeconds(120));

        // THEN there are exactly two periods: one closed, one open
        assertEquals(List.of("x1|s1|c1|2026-12-05 02:00:00+00|2026-12-05 02:30:00+00",
                        "x1|s1|c1|2026-12-05 03:00:00+00|open"),
                ArchiveTables.darkPeriods(db.dataSource()));
    }
}
