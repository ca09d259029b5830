package org.linli.gateway.alert;

/** What an alert turned out to be, recorded when it is resolved or dismissed (DOMAIN.md §5: reason codes matter). */
public enum Outcome {
    REAL_INCIDENT,
    FALSE_ALARM_COOKING,
    FALSE_ALARM_TEST,
    RESIDENT_AWAY,
    DEVICE_FAULT,
    OTHER
}
