package org.linli.gateway.pipeline;

import org.linli.drivers.model.DeviceType;

import java.util.Map;
import java.util.Optional;

/** The vendor payload profiles the gateway knows: their device types, topic conventions and decoders. */
public interface ProfileCatalog extends PayloadDecoders {
    /** Every known profile name → the device type it decodes (for config validation). */
    Map<String, DeviceType> deviceTypes();

    /** The vendor's MQTT topic convention with a {@code {deviceId}} level, if the profile is known. */
    Optional<String> topicTemplate(String profile);

    /**
     * A representative payload of {@code profile} from {@code deviceId} at {@code at}, for the start-up warm-up
     * ({@link DecodeWarmUp}); empty if the catalog cannot build one. Default: empty.
     */
    default Optional<byte[]> samplePayload(String profile, String deviceId, java.time.Instant at) {
        return Optional.empty();
    }
}
