package org.linli.archive;

import java.util.Objects;

/** Where a compound sits in the district: its street, its community and its own id (ids as in the topic tree). */
public record CompoundRef(String street, String community, String compound) {
    public CompoundRef {
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(compound, "compound");
    }
}
