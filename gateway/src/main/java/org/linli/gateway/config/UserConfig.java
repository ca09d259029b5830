package org.linli.gateway.config;

/**
 * Someone who may log in to the console (docs/CONSOLE.md): an operator of the duty office sees every alert, a grid
 * worker only those of {@code grid}. {@code passwordHash} is the output of {@code linli hash-password}, never a
 * password.
 */
public record UserConfig(String id, String name, Role role, String grid, String passwordHash) {
}
