package org.linli.centre.config;

import java.util.List;

/** One street (街道) of the site file, with its communities and the duty office's chat robot for escalations. */
public record StreetConfig(String id, String name, DutyRobotConfig dutyRobot, List<CommunityConfig> communities) {
    public StreetConfig {
        communities = communities == null ? List.of() : List.copyOf(communities);
    }
}
