package org.linli.gateway.rules;

import org.linli.gateway.mqtt.MqttIngest;
import org.linli.gateway.site.Device;

import java.util.function.Supplier;

/** Every MQTT device's parent is the gateway's one broker connection: online while it is CONNECTED. */
public final class MqttParentStatus implements ParentStatus {
    private final Supplier<MqttIngest.State> state;

    public MqttParentStatus(Supplier<MqttIngest.State> state) {
        this.state = state;
    }

    public static MqttParentStatus of(MqttIngest mqtt) {
        return new MqttParentStatus(mqtt::state);
    }

    @Override
    public boolean isParentOnline(Device device) {
        return state.get() == MqttIngest.State.CONNECTED;
    }
}
