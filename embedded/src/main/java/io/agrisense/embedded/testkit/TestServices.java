package io.agrisense.embedded.testkit;

import io.agrisense.embedded.EmbeddedDatabase;
import io.agrisense.embedded.EmbeddedMqttBroker;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real broker and database for integration tests, started once per JVM.
 *
 * <p>By default both are embedded (HiveMQ CE, zonky PostgreSQL) on free loopback ports. Setting
 * {@code AGRI_TEST_MQTT_URL} (e.g. {@code tcp://127.0.0.1:1883}) or {@code AGRI_TEST_DB_URL}
 * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/test}, with {@code AGRI_TEST_DB_USER}/{@code AGRI_TEST_DB_PASSWORD})
 * points the same tests at external servers. Each test class asks for a fresh schema, and uses
 * {@link #uniqueStationId(String)} so that tests sharing one broker never see each other's messages.
 */
public final class TestServices {

    public static final String ENV_MQTT_URL = "AGRI_TEST_MQTT_URL";
    public static final String ENV_DB_URL = "AGRI_TEST_DB_URL";
    public static final String ENV_DB_USER = "AGRI_TEST_DB_USER";
    public static final String ENV_DB_PASSWORD = "AGRI_TEST_DB_PASSWORD";

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedMqttBroker broker;
    private static EmbeddedDatabase database;

    private TestServices() {
    }

    /** A database to connect to. */
    public record Database(String jdbcUrl, String user, String password, boolean external) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, user, password);
        }
    }

    /** The MQTT broker's {@code tcp://host:port}. */
    public static synchronized String mqttServerUri() {
        String external = System.getenv(ENV_MQTT_URL);
        if (external != null && !external.isBlank()) {
            return external.trim();
        }
        if (broker == null) {
            broker = EmbeddedMqttBroker.start(EmbeddedMqttBroker.Options.forTests());
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-broker-stop"));
        }
        return broker.serverUri();
    }

    public static boolean externalBroker() {
        String external = System.getenv(ENV_MQTT_URL);
        return external != null && !external.isBlank();
    }

    /** The shared database server (the whole database, not a fresh schema). */
    public static synchronized Database database() {
        String external = System.getenv(ENV_DB_URL);
        if (external != null && !external.isBlank()) {
            return new Database(external.trim(), envOr(ENV_DB_USER, System.getProperty("user.name")),
                    envOr(ENV_DB_PASSWORD, ""), true);
        }
        if (database == null) {
            database = EmbeddedDatabase.start(null, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "test-db-stop"));
        }
        return new Database(database.jdbcUrl(), database.user(), database.password(), false);
    }

    /**
     * Creates an empty schema for one test class and returns a database whose connections use it
     * (through {@code currentSchema}); the schema is left behind for inspection on external servers.
     */
    public static Database freshSchema(String prefix) {
        Database server = database();
        String schema = (prefix + "_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet() + "_"
                + UUID.randomUUID().toString().substring(0, 6)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema " + schema + ": " + e.getMessage(), e);
        }
        String separator = server.jdbcUrl().contains("?") ? "&" : "?";
        return new Database(server.jdbcUrl() + separator + "currentSchema=" + schema, server.user(),
                server.password(), server.external());
    }

    /** A station id no other test (or earlier run against the same external broker) uses. */
    public static String uniqueStationId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
