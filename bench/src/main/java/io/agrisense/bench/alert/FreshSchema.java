package io.agrisense.bench.alert;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** A schema of our own on an external PostgreSQL server, named {@code bench_alert_<random>}; dropped at the end. */
final class FreshSchema implements AutoCloseable {

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

    static FreshSchema create(String serverUrl, String user, String password) throws SQLException {
        String name = ("bench_alert_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT).replace('-', '_');
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        }
        return new FreshSchema(serverUrl, user, password, name);
    }

    String name() {
        return name;
    }

    /** The server URL with {@code currentSchema} set, so every connection (Flyway's too) works in this schema. */
    String jdbcUrl() {
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
