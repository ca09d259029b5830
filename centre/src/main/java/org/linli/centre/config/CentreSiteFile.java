package org.linli.centre.config;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;

/**
 * The centre's site file as bound (docs/CENTRE.md "The centre: what exists"): this replica, the broker cluster, the
 * street → community → compound tree it expects, its console users and, optionally, the alert archive's database (issue 13). Checked by {@link CentreConfigLoader}.
 */
public record CentreSiteFile(CentreOptions centre, BrokerOptions broker, List<StreetConfig> streets,
                             List<CentreUserConfig> users, ArchiveOptions archive) {
    @JsonCreator // the canonical constructor binds the file; the other one is for code
    public CentreSiteFile {
        centre = centre == null ? new CentreOptions(null, null, null, null, null, null) : centre;
        streets = streets == null ? List.of() : List.copyOf(streets);
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** Without an {@code archive:} section (the centre runs without the alert archive). */
    public CentreSiteFile(CentreOptions centre, BrokerOptions broker, List<StreetConfig> streets,
                          List<CentreUserConfig> users) {
        this(centre, broker, streets, users, null);
    }
}
