package org.linli.gateway.alert;

/** What happened to an alert, as written in its history. The first five are done by the system, the rest by people. */
public enum AlertAction {
    RAISED,
    DISPATCHED,
    DEVICE_CLEARED,
    ESCALATED,
    ACCEPTED,
    ON_SITE,
    RESOLVED,
    VERIFIED,
    DISMISSED
}
