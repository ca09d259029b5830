package org.linli.centre.config;

/** A user's scope as written: exactly one of street, community, compound. */
public record ScopeConfig(String street, String community, String compound) {
}
