package io.agrisense.bench.alert;

import io.agrisense.bench.common.FreshSchema;
import io.agrisense.platform.app.Platform;
import io.agrisense.platform.config.ConfigLoader;
import io.agrisense.platform.config.PlatformConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The platform in this JVM with its shipped settings, except: HTTP on 127.0.0.1 port 0, CoAP off, a unique MQTT
 * client id with a short session expiry (nothing lingers on a shared broker), and data in a temporary folder.
 * An external database gets a fresh schema (dropped at the end); without URLs the platform starts its embedded
 * HiveMQ CE (free port) and PostgreSQL itself, as {@code serve} does with an empty configuration.
 */
final class PlatformUnderTest implements AutoCloseable {

    /** Where the broker and database are; null URLs mean embedded. */
    record Servers(String mqttUrl, String dbUrl, String dbUser, String dbPassword) {
    }

    private final Servers servers;
    private final Path dataDir;
    private FreshSchema schema;
    private Platform platform;

    private PlatformUnderTest(Servers servers, Path dataDir) {
        this.servers = servers;
        this.dataDir = dataDir;
    }

    static PlatformUnderTest start(Servers servers) throws IOException, SQLException {
        PlatformUnderTest p = new PlatformUnderTest(servers, Files.createTempDirectory("agri-bench-alert-"));
        try {
            p.run();
            return p;
        } catch (RuntimeException | SQLException e) {
            p.close();
            throw e;
        }
    }

    private void run() throws SQLException {
        Map<String, String> env = new HashMap<>();
        if (servers.dbUrl() != null) {
            schema = FreshSchema.create(servers.dbUrl(), servers.dbUser(), servers.dbPassword(),
                    "bench_alert_" + UUID.randomUUID().toString().substring(0, 8).replace('-', '_'));
            env.put(ConfigLoader.AGRI_DB_URL, schema.jdbcUrl());
            env.put(ConfigLoader.AGRI_DB_USER, servers.dbUser());
            env.put(ConfigLoader.AGRI_DB_PASSWORD, servers.dbPassword());
        }
        if (servers.mqttUrl() != null) {
            env.put(ConfigLoader.AGRI_MQTT_URL, servers.mqttUrl());
        }
        String yaml = """
                dataDir: %s
                http: {host: 127.0.0.1, port: 0}
                coap: {enabled: false}
                mqtt: {bindAddress: 127.0.0.1, port: 0, clientId: agri-bench-alert-%s, sessionExpiry: 1m}
                """.formatted(dataDir.toAbsolutePath(), UUID.randomUUID().toString().substring(0, 8));
        PlatformConfig config = ConfigLoader.fromYaml(yaml, "alert-latency settings", env);
        platform = Platform.start(config, Platform.Extensions.none());
    }

    URI apiBase() {
        return URI.create("http://127.0.0.1:" + platform.httpPort());
    }

    String mqttUri() {
        return platform.mqttUri();
    }

    DataSource dataSource() {
        return platform.database().dataSource();
    }

    /** For the report: which broker and database, embedded or not. */
    String describe() {
        String broker = servers.mqttUrl() == null ? "embedded HiveMQ CE (" + platform.mqttUri() + ")" : "MQTT broker " + servers.mqttUrl();
        String db = servers.dbUrl() == null ? "embedded PostgreSQL (zonky, fsync on, as in the demo)"
                : "PostgreSQL " + servers.dbUrl() + " (fresh schema " + schema.name() + ", dropped afterwards)";
        return broker + "; " + db + "; storage mode " + platform.database().mode();
    }

    @Override
    public void close() {
        if (platform != null) {
            platform.close();
        }
        if (schema != null) {
            try {
                schema.close();
            } catch (SQLException e) {
                System.err.println("alert-latency: could not drop schema " + schema.name() + ": " + e.getMessage());
            }
        }
        deleteRecursively(dataDir);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("alert-latency: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
