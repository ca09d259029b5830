package org.linli.gateway.alert;

/** Told about every new alert and every new version of one (MQTT publisher, SSE hub, notifiers). */
@FunctionalInterface
public interface AlertListener {
    void onAlert(Alert alert, boolean isNew);
}
