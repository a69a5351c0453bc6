package io.agrisense.bench.ingest;

import io.agrisense.bench.common.FreshSchema;
import io.agrisense.embedded.EmbeddedDatabase;
import io.agrisense.embedded.EmbeddedMqttBroker;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker and database every phase of one run uses: the given external ones, or else the embedded HiveMQ CE (in
 * memory, a free loopback port) and a throw-away zonky PostgreSQL. Each phase gets a fresh schema (through
 * {@code currentSchema}, as the project's test kit does), dropped again when the run ends.
 */
final class BenchServers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BenchServers.class);

    private final EmbeddedMqttBroker broker;
    private final EmbeddedDatabase database;
    private final String mqttUri;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final List<FreshSchema> schemas = new ArrayList<>();

    private BenchServers(EmbeddedMqttBroker broker, EmbeddedDatabase database, String mqttUri, String jdbcUrl,
                         String user, String password) {
        this.broker = broker;
        this.database = database;
        this.mqttUri = mqttUri;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** {@code mqttUrl} or {@code dbUrl} null: start the embedded one. */
    static BenchServers start(String mqttUrl, String dbUrl, String dbUser, String dbPassword) {
        EmbeddedMqttBroker broker = null;
        EmbeddedDatabase database = null;
        try {
            if (mqttUrl == null) {
                broker = EmbeddedMqttBroker.start(EmbeddedMqttBroker.Options.forTests());
            }
            if (dbUrl == null) {
                database = EmbeddedDatabase.start(null, 0, false);
            }
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
        return new BenchServers(broker, database, broker != null ? broker.serverUri() : mqttUrl,
                database != null ? database.jdbcUrl() : dbUrl, database != null ? database.user() : dbUser,
                database != null ? database.password() : dbPassword);
    }

    String mqttUri() {
        return mqttUri;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String describeBroker() {
        return broker != null ? "embedded HiveMQ CE (in-memory, " + mqttUri + ")" : "external broker " + mqttUri;
    }

    String describeDatabase() {
        return database != null ? "embedded PostgreSQL (zonky, temporary: fsync and synchronous_commit off)"
                : "external PostgreSQL " + jdbcUrl;
    }

    /** Creates an empty schema and returns a JDBC URL whose connections use it. */
    String freshSchema(String name) throws SQLException {
        FreshSchema schema = FreshSchema.create(jdbcUrl, user, password, name);
        schemas.add(schema);
        return schema.jdbcUrl();
    }

    @Override
    public void close() {
        for (FreshSchema schema : schemas) {
            try {
                schema.close();
            } catch (SQLException e) {
                LOG.warn("Could not drop the run's schema {}: {}", schema.name(), e.getMessage());
            }
        }
        if (broker != null) {
            broker.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
