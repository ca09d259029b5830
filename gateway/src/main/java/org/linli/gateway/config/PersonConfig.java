package org.linli.gateway.config;

/** Someone who answers alerts: a login id, a display name and a phone number for chat-robot mentions. */
public record PersonConfig(String id, String name, String phone) {
}
