package org.linli.gateway.alert;

/**
 * How urgent an alert is, most urgent first. A life-safety alarm in a household with an elderly person living
 * alone is its own class above every other: nobody inside may be able to react (DOMAIN.md §4).
 */
public enum Severity {
    CRITICAL_VULNERABLE,
    CRITICAL,
    MAJOR,
    MINOR,
    WARNING;

    public boolean isLifeSafety() {
        return this == CRITICAL_VULNERABLE || this == CRITICAL;
    }
}
