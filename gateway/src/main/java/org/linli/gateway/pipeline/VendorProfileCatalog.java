package org.linli.gateway.pipeline;

import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.DeviceType;
import org.linli.drivers.mqtt.PayloadDecoder;
import org.linli.drivers.mqtt.VendorProfile;
import org.linli.drivers.mqtt.VendorProfiles;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The gateway's view of device-drivers' vendor profile registry: built-in profiles plus an installer's folder. */
public final class VendorProfileCatalog implements ProfileCatalog {
    private final VendorProfiles profiles;
    private final Map<String, PayloadDecoder> decoders = new ConcurrentHashMap<>();
    /** Profile → its alarm scanner; a profile that cannot report an alarm maps to {@link #NO_ALARMS}. */
    private final Map<String, Optional<AlarmScanner>> scanners = new ConcurrentHashMap<>();
    private static final Optional<AlarmScanner> NO_ALARMS = Optional.empty();

    public VendorProfileCatalog(VendorProfiles profiles) {
        this.profiles = profiles;
    }

    /** The built-in profiles, and those in {@code dir} (may be null) which add to or override them. */
    public static VendorProfileCatalog load(Path dir) {
        VendorProfiles p = VendorProfiles.builtIn();
        return new VendorProfileCatalog(dir == null ? p : p.withDirectory(dir));
    }

    @Override
    public Map<String, DeviceType> deviceTypes() {
        Map<String, DeviceType> out = new TreeMap<>();
        profiles.all().forEach(p -> out.put(p.name(), p.deviceType()));
        return out;
    }

    @Override
    public Optional<String> topicTemplate(String profile) {
        return profiles.find(profile).map(VendorProfile::topicTemplate);
    }

    @Override
    public Optional<byte[]> samplePayload(String profile, String deviceId, Instant at) {
        return profiles.find(profile).map(p -> SamplePayloads.of(p, deviceId, at));
    }

    @Override
    public Decoded decode(String profile, String deviceId, byte[] payload, Instant receivedAt) throws DecodeException {
        PayloadDecoder decoder = decoders.get(profile);
        if (decoder == null) {
            VendorProfile p = profiles.find(profile)
                    .orElseThrow(() -> new DecodeException(DecodeFailure.UNKNOWN_PROFILE, "no vendor profile '" + profile + "'"));
            decoder = decoders.computeIfAbsent(profile, k -> p.decoder());
        }
        return decoder.decode(deviceId, payload, receivedAt);
    }

    @Override
    public boolean mayCarryAlarm(String profile, byte[] payload) {
        Optional<AlarmScanner> scanner = scanners.get(profile);
        if (scanner == null) {
            scanner = scanners.computeIfAbsent(profile,
                    k -> profiles.find(k).map(AlarmScanner::of).or(() -> NO_ALARMS));
        }
        return scanner.isPresent() && scanner.get().mayCarryAlarm(payload);
    }
}
