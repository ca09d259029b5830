package org.linli.gateway.alert;

/** Where an alert stands. The full grid workflow (dispatched, accepted, on site, resolved...) comes with issue 5. */
public enum AlertState {
    /** The condition is present and nobody has closed the alert. */
    OPEN,
    /** The device reported the alarm is over; a person still has to confirm what happened. */
    DEVICE_CLEARED
}
