package org.linli.gateway.alert;

/**
 * What happened to an alert, as written in its history. The first five are done by the system, the rest by people;
 * REASSIGNED (改派) hands the alert to another grid worker of the compound ({@link AlertLifecycle#reassign}).
 */
public enum AlertAction {
    RAISED,
    DISPATCHED,
    DEVICE_CLEARED,
    ESCALATED,
    ACCEPTED,
    ON_SITE,
    RESOLVED,
    VERIFIED,
    DISMISSED,
    REASSIGNED
}
