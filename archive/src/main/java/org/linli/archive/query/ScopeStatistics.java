package org.linli.archive.query;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures a street office reports for one scope and period (docs/ARCHIVE.md "Statistics"): alerts raised; time
 * to accept, to be on site and to be handled (resolved or dismissed); of the alerts with an outcome, how many were
 * false alarms ({@code FALSE_ALARM_*} outcomes) and their share (null when no alert has an outcome yet); alerts that
 * escalated, by the highest level they reached (ordered by level); dark periods of the boxes overlapping the period and their total
 * length within it, in seconds.
 */
public record ScopeStatistics(long alerts, StepTimes accept, StepTimes onSite, StepTimes handled, long withOutcome,
                              long falseAlarms, Double falseAlarmShare, long escalated,
                              Map<Integer, Long> escalatedByLevel, long darkPeriods, double darkSeconds) {
    public static final ScopeStatistics EMPTY = new ScopeStatistics(0, StepTimes.NONE, StepTimes.NONE, StepTimes.NONE,
            0, 0, null, 0, Map.of(), 0, 0);

    public ScopeStatistics {
        escalatedByLevel = Collections.unmodifiableSortedMap(new TreeMap<>(escalatedByLevel));
    }

    ScopeStatistics withEscalations(Map<Integer, Long> byLevel) {
        return new ScopeStatistics(alerts, accept, onSite, handled, withOutcome, falseAlarms, falseAlarmShare,
                escalated, byLevel, darkPeriods, darkSeconds);
    }

    ScopeStatistics withDark(long periods, double seconds) {
        return new ScopeStatistics(alerts, accept, onSite, handled, withOutcome, falseAlarms, falseAlarmShare,
                escalated, escalatedByLevel, periods, seconds);
    }
}
