package org.linli.gateway.config;

/** A person to call: a relative of a household, a grid worker, a grid leader. */
public record ContactConfig(String name, String relation, String phone) {
}
