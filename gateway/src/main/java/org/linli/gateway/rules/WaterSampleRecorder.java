package org.linli.gateway.rules;

import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.gateway.alert.AlertStore;
import org.linli.gateway.site.Device;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes the meter totals of elderly-living-alone households to the store, one sample per meter every
 * {@link #EVERY}, so that after a restart the inactivity rule has its 12 h / 24 h history back instead of waiting a
 * whole window of fresh readings (a power cut at hour 10 of silence must not push the warning to hour 22).
 * Only these meters: a few dozen per compound, a few KB a day.
 */
final class WaterSampleRecorder implements Rule {
    static final Duration EVERY = Duration.ofMinutes(15);

    private final AlertStore store;
    private final Set<String> meters;
    private final Map<String, Instant> lastSaved = new HashMap<>();

    /** {@code meters}: the meters whose history to keep (the inactivity rule's). */
    WaterSampleRecorder(Set<String> meters, AlertStore store) {
        this.store = store;
        this.meters = Set.copyOf(meters);
    }

    @Override
    public void onReading(Device device, Reading reading) {
        if (reading.quantity() != Quantity.WATER_TOTAL_M3 || !meters.contains(device.id())) {
            return;
        }
        Instant last = lastSaved.get(device.id());
        if (last == null || !reading.time().isBefore(last.plus(EVERY))) {
            lastSaved.put(device.id(), reading.time());
            store.saveWaterSample(device.id(), reading.time(), reading.value());
        }
    }
}
