package org.linli.sim.camera;

import java.time.Instant;
import java.util.Map;

/** One notification the simulated camera raises; topic without prefix, e.g. "RuleEngine/CellMotionDetector/Motion". */
record SimEvent(String topic, Instant utcTime, String propertyOperation, Map<String, String> source,
        Map<String, String> data) {
}
