package org.linli.centre.config;

/**
 * A centre console user: role duty (may act) or viewer (reads only), a scope, a password hash of
 * {@code linli hash-password}.
 */
public record CentreUserConfig(String id, String name, String role, ScopeConfig scope, String passwordHash) {
}
