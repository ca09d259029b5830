package org.linli.gateway.config;

/**
 * Someone who may log in to the console (docs/CONSOLE.md): an operator of the duty office sees every alert, a grid
 * worker only those of {@code grid}. {@code passwordHash} is the output of {@code linli hash-password}, never a
 * password.
 */
public record UserConfig(String id, String name, Role role, String grid, String passwordHash) {
    /** A duty-office operator, who sees every alert. */
    public static UserConfig operator(String id, String name, String passwordHash) {
        return new UserConfig(id, name, Role.OPERATOR, null, passwordHash);
    }

    /** A grid worker, who sees the alerts of {@code grid} only. */
    public static UserConfig gridWorker(String id, String name, String grid, String passwordHash) {
        return new UserConfig(id, name, Role.GRID_WORKER, grid, passwordHash);
    }
}
