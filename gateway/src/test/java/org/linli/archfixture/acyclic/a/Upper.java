package org.linli.archfixture.acyclic.a;

import org.linli.archfixture.acyclic.b.Lower;

/** Fixture: depends on package {@code b}; nothing depends back. */
public final class Upper {
    public Lower lower() {
        return new Lower();
    }
}
