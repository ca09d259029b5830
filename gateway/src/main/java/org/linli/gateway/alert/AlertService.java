package org.linli.gateway.alert;

import org.linli.gateway.site.Device;
import org.linli.gateway.site.Household;
import org.linli.gateway.site.Person;
import org.linli.gateway.site.SiteDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The alerts of the compound and their grid workflow (docs/ALERTS.md). One open alert per key: a repeat updates its
 * count and last-seen time instead of raising a new one (FIELD-NOTES §5). A new alert is dispatched at once to the
 * grid worker of its building; people then accept, go on site, resolve and verify it, or dismiss it
 * ({@link AlertLifecycle}); an alert not accepted in time escalates ({@link EscalationPolicy}). Every version goes
 * to the listeners and to the {@link AlertStore}. In memory it holds every alert not yet CLOSED or DISMISSED and
 * the terminal ones of the retention window ({@link AlertRetention}); older terminal alerts are let go when another
 * one closes and by {@link #sweepClosed()}, and stay readable from the store ({@link #lookup}, {@link #closed}).
 * Event-loop confined; {@link #checkEscalations()} and {@link #sweepClosed()} are called by periodic timers in the
 * gateway and directly by tests.
 */
public final class AlertService {
    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

    private final SiteDirectory site;
    private final Clock clock;
    private final EscalationPolicy policy;
    private final AlertStore store;
    private final Map<String, Alert> byId = new LinkedHashMap<>();
    private final Map<AlertKey, String> openByKey = new HashMap<>();
    private final Map<String, AlertKey> keyById = new HashMap<>();
    /** Per open key, the device's time of the last report counted: a second request of one report is not counted. */
    private final Map<AlertKey, Instant> lastObserved = new HashMap<>();
    private final PendingAcceptances pending = new PendingAcceptances();
    private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
    private final List<AlertListener> feeds = new CopyOnWriteArrayList<>();
    private ClosedAlertWindow closedWindow = new ClosedAlertWindow(AlertRetention.DEFAULT);
    /** Person id → name for the history lines: the site file's people and the duty office; one map for every alert. */
    private final Map<String, String> people;
    private long sequence;

    public AlertService(SiteDirectory site, Clock clock) {
        this(site, clock, EscalationPolicy.defaults(), AlertStore.NONE);
    }

    public AlertService(SiteDirectory site, Clock clock, EscalationPolicy policy, AlertStore store) {
        this.site = site;
        this.clock = clock;
        this.policy = policy;
        this.store = store;
        Map<String, String> names = new HashMap<>(site.people());
        Person duty = policy.dutyOffice();
        if (duty != null && duty.id() != null && duty.name() != null) {
            names.putIfAbsent(duty.id(), duty.name());
        }
        this.people = Map.copyOf(names);
    }

    /** A listener that serves people on this thread (the alert stream, the notifications, meters): called first. */
    public void addListener(AlertListener listener) {
        listeners.add(listener);
    }

    /**
     * A feed: a listener that passes every version on to another system through a thread of its own (the alerts
     * topic, the centre's uplink outbox). Feeds are called after the listeners and the store, because waking another
     * thread can take the core from the event loop for several ms on a busy box, and the operators' stream should not
     * wait for that (docs/BENCHMARKS.md, "The alarm path").
     */
    public void addFeed(AlertListener feed) {
        feeds.add(feed);
    }

    /** How many terminal alerts to keep in memory, and for how long (before {@link #restore}; default 7 days, 1,000). */
    public void retain(AlertRetention retention) {
        this.closedWindow = new ClosedAlertWindow(retention);
    }

    /**
     * Puts back what the store held (the open alerts and the window of terminal ones): alerts, which of them hold their
     * key, and pending escalation deadlines; terminal ones beyond the window are let go at once. A row whose key cannot
     * be read ({@link AlertKey#parse}) is logged and left out.
     */
    public void restore(List<AlertStore.Stored> stored) {
        stored.stream().map(AlertStore.Stored::alert).filter(a -> a.state().isTerminal())
                .sorted(Comparator.comparing(AlertRetention::closedAt))
                .forEach(a -> closedWindow.closed(a.id(), AlertRetention.closedAt(a)));
        for (AlertStore.Stored s : stored) {
            Alert a = s.alert();
            AlertKey key;
            try {
                key = AlertKey.parse(s.key());
            } catch (IllegalArgumentException e) {
                LOG.error("stored alert {} left out: {}", a.id(), e.getMessage());
                continue;
            }
            a = named(a);
            byId.put(a.id(), a);
            keyById.put(a.id(), key);
            if (s.keyOpen()) {
                openByKey.put(key, a.id());
            }
            if (a.acceptBy() != null && a.state().awaitingAcceptance()) {
                pending.await(a.id(), a.acceptBy());
            }
        }
        int evicted = evictClosed();
        LOG.info("restored {} alerts, {} holding their key, {} awaiting acceptance, {} closed in memory", stored.size()
                - evicted, openByKey.size(), pending.size(), closedWindow.size());
    }

    /** Keys held by an alert whose condition is still on (not DEVICE_CLEARED): what the rules resume after a restart. */
    public Set<AlertKey> activeKeys() {
        Set<AlertKey> out = new java.util.HashSet<>();
        openByKey.forEach((key, id) -> {
            Alert a = byId.get(id);
            if (a != null && a.state() != AlertState.DEVICE_CLEARED) {
                out.add(key);
            }
        });
        return out;
    }

    /**
     * Raises an alert, or repeats the open one with the same key (count and last-seen go up, nothing new is created).
     * A request of the same report as the last one counted (same key, same {@link AlertRequest#observedAt}: the gas
     * alarm's event and its concentration reading in one message) is one occurrence: the open alert is returned as it
     * is. Routed to the grid of the location's building; with no building (a bus in the gateway cabinet) it goes to
     * the duty office if one is configured. The contacts are the household's call order: the resident, then family.
     */
    public Alert raise(AlertRequest r) {
        Instant now = clock.instant();
        String openId = openByKey.get(r.key());
        if (openId != null && r.observedAt() != null && r.observedAt().equals(lastObserved.get(r.key()))) {
            return byId.get(openId);
        }
        remember(r);
        if (openId != null) {
            Alert updated = byId.get(openId).repeated(now);
            put(updated, false);
            return updated;
        }
        Alert alert = newAlert(r, newId(), now);
        pending.await(alert.id(), alert.acceptBy());
        keyById.put(alert.id(), r.key());
        openByKey.put(r.key(), alert.id());
        LOG.warn("ALERT {} {} at {} ({}), severity {}, dispatched to {}", alert.id(), r.type().englishTitle(),
                r.location() == null ? "-" : r.location(), r.key(), r.severity(),
                alert.assignee() == null ? "nobody" : alert.assignee().name());
        put(alert, true);
        return alert;
    }

    /**
     * A new alert for {@code r}, routed and named as {@link #raise} routes it, with nothing recorded: no id taken, no
     * deadline, key, listener or store touched. Reads only immutable state (the site, the policy, the names).
     */
    private Alert newAlert(AlertRequest r, String id, Instant now) {
        Device device = r.device();
        Optional<Household> household = device == null ? Optional.empty() : site.householdOf(device);
        var grid = r.location() == null ? null : site.gridFor(r.location().building()).orElse(null);
        Person worker = grid == null ? null : grid.worker();
        Person leader = grid == null ? null : grid.leader();
        Person assignee = policy.dispatchTo(worker, leader);
        List<AlertTransition> history = new ArrayList<>();
        history.add(new AlertTransition(now, AlertAction.RAISED, null, AlertState.OPEN, AlertTransition.SYSTEM, null,
                r.detail()));
        if (assignee != null) {
            history.add(new AlertTransition(now, AlertAction.DISPATCHED, AlertState.OPEN, AlertState.OPEN,
                    AlertTransition.SYSTEM, null, AlertVocabulary.dispatchedTo(assignee)));
        }
        return named(Alert.builder().id(id).type(r.type()).severity(r.severity())
                .device(device == null ? null : device.id(), device == null ? null : device.type().id())
                .compound(site.compound()).location(r.location())
                .care(household.map(Household::care).orElse(Set.of()))
                .contacts(household.map(Household::callOrder).orElse(List.of()))
                .grid(grid == null ? null : grid.id(), worker, leader)
                .raisedAt(now).detail(r.detail()).assignee(assignee)
                .acceptBy(policy.firstDeadline(r.severity(), assignee, leader, now)).history(history)
                .build());
    }

    /**
     * What {@link #raise} would make of {@code r} now, built by the same code but recorded nowhere (the id is
     * {@code W0-warm-up}): the start-up warm-up ({@link AlertPathWarmUp}) runs the alert's encoders on it.
     */
    public Alert sample(AlertRequest r) {
        return newAlert(r, "W0-warm-up", clock.instant());
    }

    private void remember(AlertRequest r) {
        if (r.observedAt() == null) {
            lastObserved.remove(r.key());
        } else {
            lastObserved.put(r.key(), r.observedAt());
        }
    }

    /**
     * The alert with the current site file's names for its grid, area and people attached ({@link AlertNames}). Reads
     * only immutable state, so it also runs on the store's thread for alerts read back from it.
     */
    private Alert named(Alert a) {
        String area = a.location() == null || a.location().area() == null ? null
                : site.areaName(a.location().building(), a.location().area()).orElse(null);
        String grid = a.gridId() == null ? null : site.grid(a.gridId()).map(g -> g.name()).orElse(null);
        return a.named(new AlertNames(grid, area, people, site.zone()));
    }

    private static void tell(List<AlertListener> to, Alert alert, boolean isNew) {
        for (AlertListener l : to) {
            try {
                l.onAlert(alert, isNew);
            } catch (RuntimeException e) {
                LOG.error("alert listener {} failed for {}", l, alert.id(), e);
            }
        }
    }

    /**
     * {@code A<sequence>-<millis in base 36>}, skipping ids already taken: after a restart the sequence starts again at 1,
     * and a clock that comes up at an earlier saved time (an edge box without a real-time clock) could otherwise give
     * a new alert the id of a restored one, which would replace it in memory and in the store.
     */
    private String newId() {
        String id;
        do {
            id = "A" + (++sequence) + "-" + Long.toString(clock.millis(), 36);
        } while (byId.containsKey(id));
        return id;
    }

    /**
     * The condition behind the open alert with this key is over; the alert stays for a person to close. One still
     * waiting for acceptance becomes DEVICE_CLEARED; a life-safety one keeps its escalation deadline (someone must
     * still check the flat), any other stops escalating.
     */
    public Optional<Alert> clear(AlertKey key) {
        String openId = openByKey.remove(key);
        lastObserved.remove(key);
        if (openId == null) {
            return Optional.empty();
        }
        Alert a = byId.get(openId);
        Instant now = clock.instant();
        AlertState to = a.state() == AlertState.OPEN ? AlertState.DEVICE_CLEARED : a.state();
        Instant acceptBy = to.awaitingAcceptance() && a.severity().isLifeSafety() ? a.acceptBy() : null;
        if (acceptBy == null) {
            pending.settle(openId);
        }
        Alert cleared = a.deviceCleared(now, to, new AlertTransition(now, AlertAction.DEVICE_CLEARED, a.state(), to,
                AlertTransition.SYSTEM, null, ""), acceptBy);
        LOG.info("alert {} ({}) cleared by the device", openId, key);
        put(cleared, false);
        return Optional.of(cleared);
    }

    /** The open alert with this key, if there is one. */
    public Optional<Alert> open(AlertKey key) {
        return Optional.ofNullable(openByKey.get(key)).map(byId::get);
    }

    /** Adds a link to evidence (a camera snapshot) to an alert and publishes the new version. */
    public Optional<Alert> attachEvidence(String alertId, String link) {
        Alert a = byId.get(alertId);
        if (a == null) {
            return Optional.empty();
        }
        Alert updated = a.withEvidence(link);
        put(updated, false);
        return Optional.of(updated);
    }

    /**
     * A person's step in the workflow (accept, on site, resolve, verify, dismiss). Throws NoSuchElementException for
     * an unknown id and {@link InvalidTransitionException} for a step the alert's state does not allow. Resolving or
     * dismissing releases the key: the next occurrence of the condition is a new alert.
     */
    public Alert act(String alertId, AlertAction action, String by, Outcome outcome, String note) {
        Alert a = byId.get(alertId);
        if (a == null) {
            throw new NoSuchElementException("no alert " + alertId);
        }
        Alert next = AlertLifecycle.apply(a, action, by, outcome, note, clock.instant());
        if (!next.state().awaitingAcceptance()) {
            pending.settle(alertId);
        }
        if (next.state().isSettled()) {
            if (openByKey.remove(keyById.get(alertId), alertId)) {
                lastObserved.remove(keyById.get(alertId));
            }
        }
        LOG.info("alert {} {} by {}: {} -> {}", alertId, action, by, a.state(), next.state());
        put(next, false);
        return next;
    }

    /**
     * Hands an alert to another grid worker of the compound ({@link AlertLifecycle#reassign}): {@code toPersonId}
     * must be the worker of one of the site file's grids. The acceptance clock starts again for the new assignee
     * (the severity's deadline from now, if anyone is above them to escalate to). Throws NoSuchElementException for
     * an unknown alert and {@link InvalidTransitionException} for an unknown person, one who is not a grid worker, or
     * a state that does not allow it.
     */
    public Alert reassign(String alertId, String toPersonId, String by, String note) {
        Alert a = byId.get(alertId);
        if (a == null) {
            throw new NoSuchElementException("no alert " + alertId);
        }
        if (toPersonId == null || toPersonId.isBlank()) {
            throw new InvalidTransitionException("'to' is missing: the id of the grid worker to hand alert " + alertId
                    + " to");
        }
        if (!people.containsKey(toPersonId)) {
            throw new InvalidTransitionException("no person '" + toPersonId + "' in this compound's site file");
        }
        Person to = site.grids().stream().map(g -> g.worker())
                .filter(w -> w != null && toPersonId.equals(w.id())).findFirst()
                .orElseThrow(() -> new InvalidTransitionException("'" + toPersonId + "' (" + people.get(toPersonId)
                        + ") is not a grid worker of this compound"));
        Instant now = clock.instant();
        Instant acceptBy = policy.firstDeadline(a.severity(), to, a.gridLeader(), now);
        Alert next = AlertLifecycle.reassign(a, to, by, note, now, acceptBy);
        if (acceptBy == null) {
            pending.settle(alertId);
        } else {
            pending.await(alertId, acceptBy);
        }
        LOG.info("alert {} reassigned by {} to {} ({} -> {})", alertId, by, to.name(), a.state(), next.state());
        put(next, false);
        return next;
    }

    /** Escalates every alert whose acceptance deadline has passed, one level each; returns the new versions. */
    public List<Alert> checkEscalations() {
        Instant now = clock.instant();
        List<Alert> out = new ArrayList<>();
        for (String id : pending.expired(now)) {
            Alert a = byId.get(id);
            Optional<Person> to = a == null || !a.state().awaitingAcceptance() ? Optional.empty() : policy.next(a);
            if (to.isEmpty()) {
                continue;
            }
            Instant nextDeadline = policy.hasLevelAfterNext(a)
                    ? now.plus(policy.deadline(a.severity()).orElse(Duration.ZERO)) : null;
            Alert escalated = a.escalated(to.get(), new AlertTransition(now, AlertAction.ESCALATED, a.state(), a.state(),
                    AlertTransition.SYSTEM, null, AlertVocabulary.escalatedTo(a.acceptBy(), to.get(), a.names())),
                    nextDeadline);
            pending.await(id, nextDeadline);
            LOG.warn("alert {} escalated to level {}: {} ({})", id, escalated.escalationLevel(), to.get().name(),
                    a.severity());
            put(escalated, false);
            out.add(escalated);
        }
        return out;
    }

    private void put(Alert alert, boolean isNew) {
        byId.put(alert.id(), alert);
        AlertKey key = keyById.get(alert.id());
        tell(listeners, alert, isNew);
        // after the listeners, like the feeds: the save hands the alert to the store's thread (see addFeed)
        store.save(alert, key.value(), alert.id().equals(openByKey.get(key)));
        tell(feeds, alert, isNew);
        if (alert.state().isTerminal()) {
            closedWindow.closed(alert.id(), AlertRetention.closedAt(alert));
            evictClosed();
        }
    }

    /**
     * New ids continue after {@code highest}, the largest sequence number of any stored alert id: alerts closed longer
     * ago than the window are not in memory for {@link #newId()} to skip, so without this a restart whose clock reads
     * the millisecond of such an alert could give a new alert its id (call with the store's snapshot at start).
     */
    public void continueSequenceAfter(long highest) {
        sequence = Math.max(sequence, highest);
    }

    /** Lets go of the terminal alerts now outside the retention window (they stay in the store); returns how many. */
    public int sweepClosed() {
        return evictClosed();
    }

    private int evictClosed() {
        List<String> gone = closedWindow.evict(clock.instant());
        for (String id : gone) {
            byId.remove(id);
            keyById.remove(id);
            pending.settle(id);
        }
        return gone.size();
    }

    /**
     * The alert with this id: from memory at once, else from the store (a terminal alert older than the window); the
     * store's answer completes on its thread.
     */
    public CompletableFuture<Optional<Alert>> lookup(String id) {
        Alert a = byId.get(id);
        return a != null ? CompletableFuture.completedFuture(Optional.of(a))
                : store.find(id).thenApply(found -> found.map(this::named));
    }

    /** A page of CLOSED and DISMISSED alerts from the store, newest closed first ({@link AlertStore#closed}). */
    public CompletableFuture<AlertStore.ClosedPage> closed(String grid, ClosedCursor before, int limit) {
        return store.closed(grid, before, limit).thenApply(page -> new AlertStore.ClosedPage(
                page.alerts().stream().map(this::named).toList(), page.next()));
    }

    /** The alerts in memory (every open one, the terminal ones of the retention window), most urgent first, then newest first. */
    public List<Alert> list() {
        List<Alert> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(Alert::severity).thenComparing(Alert::raisedAt, Comparator.reverseOrder()));
        return all;
    }

    /** The alert with this id if it is in memory (open, or terminal within the window); see {@link #lookup}. */
    public Optional<Alert> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** How many alerts wait for acceptance with an escalation deadline. */
    public int awaitingAcceptance() {
        return pending.size();
    }
}
