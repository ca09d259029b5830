package org.linli.centre.config;

/** One compound (小区) expected to report: its id is the gateway's {@code uplink.compound}. */
public record CompoundConfig(String id, String name) {
}
