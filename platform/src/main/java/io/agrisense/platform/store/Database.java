package io.agrisense.platform.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import com.zaxxer.hikari.pool.HikariPool;
import io.agrisense.platform.config.StartupException;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool and the schema. Migrations come from {@code db/migration/common} (V1..V9 storage,
 * V20+ alert engine) plus exactly one of {@code db/migration/timescaledb} or {@code db/migration/plain}.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    public static final String COMMON_MIGRATIONS = "classpath:db/migration/common";

    private final HikariDataSource dataSource;
    private final StorageMode mode;

    private Database(HikariDataSource dataSource, StorageMode mode) {
        this.dataSource = dataSource;
        this.mode = mode;
    }

    /**
     * Connects, chooses the storage mode and migrates. {@code extraLocations} are further Flyway locations
     * (e.g. {@code classpath:db/migration/alert}); the pool's figures ({@code hikaricp_connections_*}) go to {@code metrics}.
     */
    public static Database open(String url, String user, String password, int poolSize, Duration connectionTimeout,
                                List<String> extraLocations, MeterRegistry metrics) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("agri-db");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(Math.max(250, connectionTimeout.toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(connectionTimeout.toMillis(), 2000)));
        config.setInitializationFailTimeout(connectionTimeout.toMillis());
        // Bound the driver's own connect attempt too, so a dead server is noticed (and shutdown is quick).
        config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, connectionTimeout.toSeconds())));
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StartupException("cannot connect to the database " + url + ": " + cause.getMessage()
                    + " (check AGRI_DB_URL, AGRI_DB_USER, AGRI_DB_PASSWORD)", e);
        }
        try {
            StorageMode mode = chooseMode(ds);
            migrate(ds, mode, extraLocations);
            return new Database(ds, mode);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    private static StorageMode chooseMode(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            String applied = appliedStorageScript(s);
            if (applied != null && applied.contains("plain")) {
                LOG.info("Storage: plain PostgreSQL tables with BRIN index (this database was created in plain mode)");
                return StorageMode.PLAIN;
            }
            boolean available;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'")) {
                available = rs.next();
            }
            if (!available) {
                if (applied != null) {
                    throw new StartupException("this database was created with TimescaleDB, which the server no longer offers");
                }
                LOG.info("TimescaleDB not available: plain PostgreSQL tables with BRIN index");
                return StorageMode.PLAIN;
            }
            try {
                s.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
            } catch (SQLException e) {
                if (applied != null) {
                    throw new StartupException("this database uses TimescaleDB but it cannot be enabled: " + e.getMessage(), e);
                }
                LOG.warn("TimescaleDB is installed but cannot be enabled ({}): plain PostgreSQL tables with BRIN index",
                        e.getMessage().lines().findFirst().orElse(""));
                return StorageMode.PLAIN;
            }
            LOG.info("Storage: TimescaleDB hypertable with compression, retention and an hourly continuous aggregate");
            return StorageMode.TIMESCALEDB;
        } catch (SQLException e) {
            throw new StartupException("cannot inspect the database: " + e.getMessage(), e);
        }
    }

    /** The script of the applied V3 migration, which tells the mode this database was created in; null when new. */
    private static String appliedStorageScript(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return null;
            }
        }
        try (ResultSet rs = s.executeQuery("SELECT script FROM flyway_schema_history WHERE version = '3' AND success")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * V1's header comment once cited a design file outside the repository; databases migrated before the comment
     * changed hold the old checksum and Flyway would refuse them. Exactly that old value is updated, nothing else.
     */
    static final int V1_CHECKSUM_BEFORE_COMMENT_FIX = -1117718169;
    static final int V1_CHECKSUM = 2110738968;

    static void acceptV1CommentFix(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return;
                }
            }
            int fixed = s.executeUpdate("UPDATE flyway_schema_history SET checksum = " + V1_CHECKSUM
                    + " WHERE version = '1' AND checksum = " + V1_CHECKSUM_BEFORE_COMMENT_FIX);
            if (fixed > 0) {
                LOG.info("Accepted the comment-only change of migration V1 (checksum updated)");
            }
        } catch (SQLException e) {
            throw new StartupException("cannot inspect the migration history: " + e.getMessage(), e);
        }
    }

    private static void migrate(DataSource ds, StorageMode mode, List<String> extraLocations) {
        List<String> locations = new ArrayList<>(List.of(COMMON_MIGRATIONS, mode.migrationLocation()));
        locations.addAll(extraLocations);
        acceptV1CommentFix(ds);
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations(locations.toArray(String[]::new))
                    // Storage (V1..V9) and the alert engine (V20+) evolve independently.
                    .outOfOrder(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StartupException("database migration failed: " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public StorageMode mode() {
        return mode;
    }

    /** Whether the database answers a query within the pool's connection timeout. */
    public boolean ping() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
