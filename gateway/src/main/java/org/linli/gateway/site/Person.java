package org.linli.gateway.site;

/** Someone who answers alerts or is called about a household. */
public record Person(String id, String name, String phone) {
}
