package org.linli.gateway.serial;

import io.vertx.core.json.JsonObject;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.site.Device;

import java.time.Instant;

/** One device's place in the status tree of its bus: state, failed polls in a row, last answer. Event-loop confined. */
final class DeviceHealth {
    final Device device;
    final String address;
    LinkState state = LinkState.UNKNOWN;
    int failedPollsInARow;
    Instant lastAnswer;
    String lastFailure;
    long answered;
    long failedPolls;
    /** This cycle's result: null = not polled yet, true = answered, false = failed after retries. */
    Boolean thisCycle;

    DeviceHealth(Device device, String address) {
        this.device = device;
        this.address = address;
    }

    /**
     * The same condition key as the heartbeat rule's, so that the poller (which sees each failed poll) and the rule
     * (which sees the silence) converge on one offline alert for the device, never two.
     */
    AlertKey alertKey() {
        return AlertKey.device(device.id(), AlertType.DEVICE_OFFLINE);
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("device", device.id())
                .put("address", address)
                .put("state", state.name())
                .put("failedPollsInARow", failedPollsInARow)
                .put("answered", answered)
                .put("failedPolls", failedPolls)
                .put("lastAnswer", lastAnswer == null ? null : lastAnswer.toString())
                .put("lastFailure", lastFailure);
    }
}
