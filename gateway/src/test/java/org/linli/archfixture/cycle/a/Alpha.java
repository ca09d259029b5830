package org.linli.archfixture.cycle.a;

import org.linli.archfixture.cycle.b.Beta;

/** Fixture: depends on package {@code b}, which depends back on this one. */
public final class Alpha {
    public Beta partner() {
        return new Beta();
    }
}
