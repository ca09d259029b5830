package org.linli.gateway.alert;

import org.linli.gateway.config.PersonConfig;
import org.linli.gateway.config.RulesOptions;
import org.linli.gateway.site.Person;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who an alert is dispatched to and who hears about it when nobody accepts it in time (督办): the grid worker of the
 * building, then the grid leader, then the community duty office. Each severity has its own acceptance deadline
 * (none: that severity never escalates, e.g. WARNING by default).
 */
public final class EscalationPolicy {
    private final Map<Severity, Duration> deadlines;
    private final Person dutyOffice;

    public EscalationPolicy(Map<Severity, Duration> deadlines, Person dutyOffice) {
        this.deadlines = new EnumMap<>(Severity.class);
        this.deadlines.putAll(deadlines);
        this.dutyOffice = dutyOffice;
    }

    /** CRITICAL_VULNERABLE 2 min, CRITICAL 5 min, MAJOR 30 min, MINOR 4 h, WARNING never; no duty office. */
    public static EscalationPolicy defaults() {
        return new EscalationPolicy(defaultDeadlines(), null);
    }

    /** From the config's {@code rules.escalation} (null: the defaults); 0 seconds means "never escalates". */
    public static EscalationPolicy from(RulesOptions.EscalationOptions o) {
        Map<Severity, Duration> d = defaultDeadlines();
        if (o == null) {
            return new EscalationPolicy(d, null);
        }
        o.acceptDeadlineSeconds().forEach((sev, secs) -> {
            if (secs == 0) {
                d.remove(Severity.valueOf(sev));
            } else {
                d.put(Severity.valueOf(sev), Duration.ofSeconds(secs));
            }
        });
        PersonConfig p = o.dutyOffice();
        return new EscalationPolicy(d, p == null ? null : new Person(p.id(), p.name(), p.phone()));
    }

    public static Map<Severity, Duration> defaultDeadlines() {
        Map<Severity, Duration> d = new EnumMap<>(Severity.class);
        d.put(Severity.CRITICAL_VULNERABLE, Duration.ofMinutes(2));
        d.put(Severity.CRITICAL, Duration.ofMinutes(5));
        d.put(Severity.MAJOR, Duration.ofMinutes(30));
        d.put(Severity.MINOR, Duration.ofHours(4));
        return d;
    }

    public Optional<Duration> deadline(Severity severity) {
        return Optional.ofNullable(deadlines.get(severity));
    }

    public Person dutyOffice() {
        return dutyOffice;
    }

    /** The first person to send an alert to: the grid worker, else the grid leader, else the duty office. */
    public Person dispatchTo(Person gridWorker, Person gridLeader) {
        if (gridWorker != null) {
            return gridWorker;
        }
        return gridLeader != null ? gridLeader : dutyOffice;
    }

    /** The first acceptance deadline of a new alert, or null if it has no deadline or nobody to escalate to. */
    public Instant firstDeadline(Severity severity, Person assignee, Person gridLeader, Instant raisedAt) {
        Duration d = deadlines.get(severity);
        return d == null || chain(assignee, gridLeader).isEmpty() ? null : raisedAt.plus(d);
    }

    /** Who hears about it at the next escalation level, if anyone is left above whom it went to. */
    public Optional<Person> next(Alert a) {
        List<Person> chain = chain(a.assignee(), a.gridLeader());
        return a.escalationLevel() < chain.size() ? Optional.of(chain.get(a.escalationLevel())) : Optional.empty();
    }

    /** Whether someone is left after the next escalation level (then another deadline is set). */
    public boolean hasLevelAfterNext(Alert a) {
        return a.escalationLevel() + 1 < chain(a.assignee(), a.gridLeader()).size();
    }

    /** Above the assignee: the grid leader, then the duty office (each only if known and not the assignee). */
    private List<Person> chain(Person assignee, Person gridLeader) {
        List<Person> chain = new ArrayList<>();
        for (Person p : new Person[]{gridLeader, dutyOffice}) {
            if (p != null && !Objects.equals(p, assignee) && !chain.contains(p)) {
                chain.add(p);
            }
        }
        return chain;
    }
}
