package org.linli.archive;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The archive's PostgreSQL: a small connection pool, and the schema brought up to date by the Flyway migrations in
 * {@code db/migration} when it opens (several centre replicas may open it at once: Flyway takes a database lock).
 */
public final class ArchiveDatabase implements AutoCloseable {
    private final HikariDataSource pool;

    private ArchiveDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Opens the pool and migrates. {@code jdbcUrl} like {@code jdbc:postgresql://db:5432/linli}; batched inserts are
     * rewritten into multi-row statements ({@code reWriteBatchedInserts}) for the ingest rate.
     */
    public static ArchiveDatabase open(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("linli-archive");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "linli-archive");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new ArchiveDatabase(pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
