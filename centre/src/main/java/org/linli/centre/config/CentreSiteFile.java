package org.linli.centre.config;

import java.util.List;

/**
 * The centre's site file as bound (docs/CENTRE.md "The centre: what exists"): this replica, the broker cluster, the
 * street → community → compound tree it expects, and its console users. Checked by {@link CentreConfigLoader}.
 */
public record CentreSiteFile(CentreOptions centre, BrokerOptions broker, List<StreetConfig> streets,
                             List<CentreUserConfig> users) {
    public CentreSiteFile {
        centre = centre == null ? new CentreOptions(null, null, null, null, null, null) : centre;
        streets = streets == null ? List.of() : List.copyOf(streets);
        users = users == null ? List.of() : List.copyOf(users);
    }
}
