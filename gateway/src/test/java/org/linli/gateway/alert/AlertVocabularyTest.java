package org.linli.gateway.alert;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linli.gateway.alert.AlertFixture.T0;

/** The words of the alert model (docs/CONSOLE.md): complete, distinct, and the workflow exactly the lifecycle's. */
class AlertVocabularyTest {

    @Test
    @DisplayName("every state, action, severity and outcome has its own non-blank label; every type a title and a next step")
    void everyConstantHasALabel() {
        // GIVEN every constant of the model's enums WHEN labelled THEN each has a label, distinct within its enum
        assertLabelled(AlertState.values(), s -> AlertVocabulary.label((AlertState) s));
        assertLabelled(AlertAction.values(), a -> AlertVocabulary.label((AlertAction) a));
        assertLabelled(Severity.values(), s -> AlertVocabulary.label((Severity) s));
        assertLabelled(Outcome.values(), o -> AlertVocabulary.label((Outcome) o));
        assertLabelled(AlertType.values(), t -> ((AlertType) t).title());
        for (AlertType t : AlertType.values()) {
            assertFalse(t.nextStep().isBlank(), t + " has a next step");
        }
    }

    @Test
    @DisplayName("severities rank most urgent first, 0..n-1, the life-safety ones above all others")
    void severityOrder() {
        // GIVEN the severities in rank order
        List<Severity> ranked = Arrays.stream(Severity.values())
                .sorted(java.util.Comparator.comparingInt(AlertVocabulary::rank)).toList();
        // THEN the ranks are 0..n-1, CRITICAL_VULNERABLE first, and no life-safety severity ranks below another one
        for (int i = 0; i < ranked.size(); i++) {
            assertEquals(i, AlertVocabulary.rank(ranked.get(i)));
        }
        assertEquals(Severity.CRITICAL_VULNERABLE, ranked.get(0));
        boolean seenOther = false;
        for (Severity s : ranked) {
            assertFalse(seenOther && s.isLifeSafety(), s + " ranks below a severity that is not life safety");
            seenOther |= !s.isLifeSafety();
        }
    }

    @Test
    @DisplayName("the actions allowed per state are exactly those AlertLifecycle.apply accepts from that state")
    void actionsPerStateAreTheLifecycles() {
        // GIVEN one alert in each state, moved there through the service as people and devices do
        Map<AlertState, Alert> inState = oneAlertInEachState();
        assertEquals(EnumSet.allOf(AlertState.class), inState.keySet(), "the test covers every state");
        for (Map.Entry<AlertState, Alert> e : inState.entrySet()) {
            // WHEN every action is tried on it (with an outcome and a note where the action takes them)
            Set<AlertAction> applies = EnumSet.noneOf(AlertAction.class);
            for (AlertAction action : AlertAction.values()) {
                Outcome outcome = AlertLifecycle.outcomesFor(action).stream().findFirst().orElse(null);
                try {
                    AlertLifecycle.apply(e.getValue(), action, "duty", outcome, "note", T0.plusSeconds(600));
                    applies.add(action);
                } catch (InvalidTransitionException refused) {
                    // not allowed from this state, or not a person's action
                }
            }
            // THEN the vocabulary offers exactly those
            assertEquals(applies, AlertVocabulary.actionsFrom(e.getKey()), "actions from " + e.getKey());
        }
        assertTrue(AlertVocabulary.actionsFrom(AlertState.CLOSED).isEmpty());
    }

    @Test
    @DisplayName("each person's action has a button, a unique URL segment found back by bySegment, and where it leads")
    void personActions() {
        Set<String> segments = new HashSet<>();
        for (AlertAction a : AlertAction.values()) {
            // GIVEN an action WHEN asked how a person takes it
            var person = AlertVocabulary.personAction(a);
            // THEN exactly the lifecycle's people's actions have one, with a button and a segment leading back to it
            assertEquals(AlertLifecycle.humanActions().contains(a), person.isPresent(), a.name());
            person.ifPresent(p -> {
                assertFalse(p.button().isBlank(), a + " button");
                assertTrue(segments.add(p.segment()), "segment " + p.segment() + " is unique");
                assertEquals(a, AlertVocabulary.bySegment(p.segment()).orElseThrow().action());
                assertEquals(AlertLifecycle.target(a).orElseThrow(), p.leadsTo());
                assertEquals(p.needsOutcome(), !p.outcomes().isEmpty(), a + ": an outcome is needed iff some are offered");
            });
        }
        assertEquals(Set.of("accept", "on-site", "resolve", "verify", "dismiss"), segments);
        // AND verify is the duty office's alone, and dismissing offers no REAL_INCIDENT
        assertTrue(AlertVocabulary.bySegment("verify").orElseThrow().dutyOfficeOnly());
        assertFalse(AlertVocabulary.bySegment("resolve").orElseThrow().dutyOfficeOnly());
        assertFalse(AlertVocabulary.bySegment("dismiss").orElseThrow().outcomes().contains(Outcome.REAL_INCIDENT));
        assertTrue(AlertVocabulary.bySegment("no-such").isEmpty());
    }

    private static Map<AlertState, Alert> oneAlertInEachState() {
        AlertFixture f = new AlertFixture();
        AlertService service = f.service(AlertStore.NONE);
        Map<AlertState, Alert> out = new EnumMap<>(AlertState.class);
        Alert gas = service.raise(f.gasLeak());
        out.put(gas.state(), gas);
        Alert cleared = service.clear(AlertFixture.GAS_KEY).orElseThrow();
        out.put(cleared.state(), cleared);
        Alert fire = service.raise(f.fire());
        for (AlertAction step : List.of(AlertAction.ACCEPTED, AlertAction.ON_SITE, AlertAction.RESOLVED, AlertAction.VERIFIED)) {
            Alert next = service.act(fire.id(), step, "duty", step == AlertAction.RESOLVED ? Outcome.REAL_INCIDENT : null, "note");
            out.put(next.state(), next);
        }
        Alert bus = service.raise(f.busOffline());
        Alert dismissed = service.act(bus.id(), AlertAction.DISMISSED, "duty", Outcome.DEVICE_FAULT, "note");
        out.put(dismissed.state(), dismissed);
        return out;
    }

    private static void assertLabelled(Object[] constants, java.util.function.Function<Object, String> label) {
        Set<String> seen = new HashSet<>();
        for (Object c : constants) {
            String l = label.apply(c);
            assertTrue(l != null && !l.isBlank(), c + " has a label");
            assertTrue(seen.add(l), c + "'s label '" + l + "' is not another's");
        }
    }
}
