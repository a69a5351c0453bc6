package io.agrisense.bench.common;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A benchmark's own schema on a PostgreSQL server, used through {@code currentSchema} (as the project's test kit does)
 * and dropped at the end.
 */
public final class FreshSchema implements AutoCloseable {

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;

    private FreshSchema(String serverUrl, String user, String password, String name) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Creates the empty schema {@code name} (lower case letters, digits and underscores). */
    public static FreshSchema create(String serverUrl, String user, String password, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        }
        return new FreshSchema(serverUrl, user, password, name);
    }

    public String name() {
        return name;
    }

    /** The server URL with {@code currentSchema} set, so every connection (Flyway's too) works in this schema. */
    public String jdbcUrl() {
        return withCurrentSchema(serverUrl, name);
    }

    static String withCurrentSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
