package org.linli.gateway.config;

/** A daily local-time window "22:00" to "06:00"; a window whose end is before its start runs over midnight. */
public record TimeWindowConfig(String from, String to) {
}
