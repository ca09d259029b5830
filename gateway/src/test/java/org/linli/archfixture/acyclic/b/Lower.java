package org.linli.archfixture.acyclic.b;

/** Fixture: depends on no other fixture package. */
public final class Lower {
}
