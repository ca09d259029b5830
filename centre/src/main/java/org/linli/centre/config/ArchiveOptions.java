package org.linli.centre.config;

/**
 * {@code archive:} (optional, issue 13): the alert archive's PostgreSQL ({@code jdbc:postgresql://host:port/db}),
 * its user, the environment variable holding the password (none: trust or a {@code .pgpass}), and the connection
 * pool's size (default 4: one writer, reachability and a few queries). Without the section the centre runs without
 * an archive and its archive routes answer 503.
 */
public record ArchiveOptions(String jdbcUrl, String user, String passwordEnv, Integer poolSize) {
    public static final int DEFAULT_POOL_SIZE = 4;

    public int poolSizeOrDefault() {
        return poolSize == null ? DEFAULT_POOL_SIZE : poolSize;
    }
}
