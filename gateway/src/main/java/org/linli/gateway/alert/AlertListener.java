package org.linli.gateway.alert;

/** Told about every new alert and every new version of one (the alerts topic feed, SSE hub, notifiers, metrics). */
@FunctionalInterface
public interface AlertListener {
    void onAlert(Alert alert, boolean isNew);
}
