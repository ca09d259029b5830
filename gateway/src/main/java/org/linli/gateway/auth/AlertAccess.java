package org.linli.gateway.auth;

import org.linli.gateway.alert.Alert;
import org.linli.gateway.site.Device;

import java.util.Optional;

/**
 * What a user may see, decided on the server: an operator everything, a grid worker only their own grid's alerts and
 * devices. An empty user means open mode (no users configured): everything.
 */
public final class AlertAccess {
    private AlertAccess() {
    }

    public static boolean canSee(Optional<User> user, Alert alert) {
        return user.isEmpty() || user.get().isOperator() || user.get().grid().equals(alert.gridId());
    }

    public static boolean canSee(Optional<User> user, Device device) {
        return user.isEmpty() || user.get().isOperator()
                || (device.grid() != null && user.get().grid().equals(device.grid().id()));
    }

    /** Dead letters carry raw payloads from every grid: operators only. */
    public static boolean isOperatorOrOpen(Optional<User> user) {
        return user.isEmpty() || user.get().isOperator();
    }
}
