package org.linli.sim.camera;

import java.time.Instant;
import java.util.Map;

/** One notification the simulated camera raises; topic without prefix, e.g. "RuleEngine/CellMotionDetector/Motion". */
record SimEvent(String topic, Instant utcTime, String propertyOperation, Map<String, String> source,
        Map<String, String> data) {
    /** The topics the simulator raises (without prefix) and the one boolean data item each carries. */
    static final String MOTION = "RuleEngine/CellMotionDetector/Motion";
    static final String TAMPER = "RuleEngine/TamperDetector/Tamper";
    static final Map<String, String> TOPIC_DATA_ITEMS = Map.of(MOTION, "IsMotion", TAMPER, "IsTamper");
    /** The source items every event names (tokens of the one video source and its analytics rule). */
    static final java.util.List<String> SOURCE_ITEMS =
            java.util.List.of("VideoSourceConfigurationToken", "VideoAnalyticsConfigurationToken", "Rule");
}
