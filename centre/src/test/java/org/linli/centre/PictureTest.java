package org.linli.centre;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.linli.centre.picture.Picture;
import org.linli.centre.picture.PictureListener;
import org.linli.centre.site.CompoundRef;
import org.linli.centre.site.Topology;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The picture alone (no broker): versions, reordering, reachability and the one centre alert per dark spell. */
class PictureTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final Topology topology;
    private final Picture picture;
    private final List<JsonObject> alertEvents = new ArrayList<>();
    private final CompoundRef x1;

    PictureTest() throws Exception {
        topology = new Topology(TestSite.site("r1", "tcp://127.0.0.1:1", 45, null, null));
        picture = new Picture(topology, clock, Duration.ofSeconds(45));
        x1 = topology.compound("x1").orElseThrow();
        picture.listen(new PictureListener() {
            @Override
            public void onAlert(CompoundRef compound, JsonObject a) {
                alertEvents.add(a);
            }

            @Override
            public void onCompound(CompoundRef compound, JsonObject health) {
            }
        });
    }

    /** A duplicate and an older version are dropped; versions arriving out of order end at the highest one. */
    @Test
    void keepsTheHighestVersionPerKey() {
        // GIVEN version 2 of A-1 (version 1 not yet arrived)
        assertTrue(picture.offerAlert(x1, FakeCompound.alertJson("x1", "A-1", 2, "ACCEPTED", 0)));
        // WHEN version 2 comes again, then the older version 1, then version 3
        assertFalse(picture.offerAlert(x1, FakeCompound.alertJson("x1", "A-1", 2, "ACCEPTED", 0)));
        assertFalse(picture.offerAlert(x1, FakeCompound.alertJson("x1", "A-1", 1, "OPEN", 0)));
        assertTrue(picture.offerAlert(x1, FakeCompound.alertJson("x1", "A-1", 3, "ON_SITE", 0)));
        // THEN the picture holds version 3 with the centre fields, and listeners saw 2 and 3 only
        JsonObject held = picture.alert("x1", "A-1").orElseThrow();
        assertEquals(3, held.getInteger("version"));
        assertEquals("x1/A-1", held.getString("key"));
        assertEquals("和平里一区", held.getString("compoundName"));
        assertEquals("compound", held.getString("origin"));
        assertEquals(List.of(2, 3), alertEvents.stream().map(a -> a.getInteger("version")).toList());
        assertEquals(2, picture.droppedVersions());
    }

    /** The same alert id in two compounds is two alerts (ids are unique only within a compound). */
    @Test
    void keysAlertsByCompound() {
        picture.offerAlert(x1, FakeCompound.alertJson("x1", "A-1", 1, "OPEN", 0));
        picture.offerAlert(topology.compound("x2").orElseThrow(), FakeCompound.alertJson("x2", "A-1", 1, "OPEN", 0));
        assertEquals(2, picture.alertCount());
    }

    /**
     * The will makes a compound unreachable with ONE centre alert; a second will raises no other; a summary closes
     * it.
     */
    @Test
    void willMakesUnreachableAndSummaryClosesTheCentreAlert() {
        // GIVEN x1 reachable
        picture.offerSummary(x1, summary(true), false);
        assertTrue(picture.health("x1").orElseThrow().getBoolean("reachable"));
        // WHEN its will arrives twice
        picture.offerSummary(x1, summary(false), false);
        picture.offerSummary(x1, summary(false), false);
        // THEN it is unreachable with one open centre alert
        assertFalse(picture.health("x1").orElseThrow().getBoolean("reachable"));
        List<JsonObject> centre = picture.alerts(a -> "centre".equals(a.getString("origin")));
        assertEquals(1, centre.size());
        assertEquals("COMPOUND_UNREACHABLE", centre.get(0).getString("type"));
        assertEquals("小区网关失联", centre.get(0).getString("title"));
        assertEquals("OPEN", centre.get(0).getString("state"));
        // WHEN it talks again THEN reachable and the centre alert is closed (a new version)
        picture.offerSummary(x1, summary(true), false);
        assertTrue(picture.health("x1").orElseThrow().getBoolean("reachable"));
        JsonObject closed = picture.alerts(a -> "centre".equals(a.getString("origin"))).get(0);
        assertEquals("CLOSED", closed.getString("state"));
        assertEquals(2, closed.getInteger("version"));
        assertEquals(1, picture.centreAlertsRaised());
    }

    /** Silence past the threshold makes a reachable compound unreachable at the next sweep, not before. */
    @Test
    void silencePastTheThresholdMakesUnreachable() {
        picture.offerSummary(x1, summary(true), false);
        clock.advance(Duration.ofSeconds(44));
        picture.sweep();
        assertTrue(picture.health("x1").orElseThrow().getBoolean("reachable"));
        clock.advance(Duration.ofSeconds(2));
        picture.sweep();
        picture.sweep();
        assertFalse(picture.health("x1").orElseThrow().getBoolean("reachable"));
        assertEquals(1, picture.alerts(a -> "x1".equals(a.getString("compoundId"))
                && "centre".equals(a.getString("origin"))).size());
    }

    /** A compound never heard is reachableKnown:false until the threshold from the centre's start, then unreachable. */
    @Test
    void neverHeardIsUnknownThenUnreachable() {
        JsonObject h = picture.health("x2").orElseThrow();
        assertFalse(h.getBoolean("reachableKnown"));
        clock.advance(Duration.ofSeconds(46));
        picture.sweep();
        h = picture.health("x2").orElseThrow();
        assertTrue(h.getBoolean("reachableKnown"));
        assertFalse(h.getBoolean("reachable"));
    }

    /** A retained summary older than the threshold (the broker's copy from long ago) counts as dark at once. */
    @Test
    void staleRetainedSummaryIsUnreachable() {
        JsonObject old = summary(true).put("at", clock.instant().minusSeconds(600).toString());
        picture.offerSummary(x1, old, true);
        assertFalse(picture.health("x1").orElseThrow().getBoolean("reachable"));
        assertTrue(picture.health("x1").orElseThrow().getBoolean("reachableKnown"));
    }

    private JsonObject summary(boolean reachable) {
        return new JsonObject().put("v", 1).put("compound", "x1").put("reachable", reachable)
                .put("at", clock.instant().toString()).put("reason", reachable ? null : "will");
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
