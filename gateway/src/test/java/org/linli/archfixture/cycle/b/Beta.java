package org.linli.archfixture.cycle.b;

import org.linli.archfixture.cycle.a.Alpha;

/** Fixture: depends back on package {@code a}, closing the cycle. */
public final class Beta {
    public Alpha partner() {
        return new Alpha();
    }
}
