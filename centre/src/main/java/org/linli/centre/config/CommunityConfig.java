package org.linli.centre.config;

import java.util.List;

/** One community (社区) and the compounds it looks after. */
public record CommunityConfig(String id, String name, List<CompoundConfig> compounds) {
    public CommunityConfig {
        compounds = compounds == null ? List.of() : List.copyOf(compounds);
    }
}
