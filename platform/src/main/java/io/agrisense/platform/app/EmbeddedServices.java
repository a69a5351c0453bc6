package io.agrisense.platform.app;

import io.agrisense.embedded.EmbeddedDatabase;
import io.agrisense.embedded.EmbeddedMqttBroker;
import io.agrisense.embedded.PortUnavailableException;
import io.agrisense.platform.config.ConfigLoader;
import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.config.StartupException;

/**
 * Starts the embedded PostgreSQL and MQTT broker for settings that leave their URLs unset, and returns the
 * settings pointing at them. Data lives under the data dir, so it survives a restart.
 */
final class EmbeddedServices implements AutoCloseable {

    private EmbeddedDatabase database;
    private EmbeddedMqttBroker broker;

    PlatformConfig start(PlatformConfig config) {
        PlatformConfig resolved = config;
        if (config.database().embedded()) {
            // Stopped by the platform's own orderly shutdown (after ingest has committed), not by zonky's JVM hook.
            database = EmbeddedDatabase.start(config.dataDir().resolve("postgres").toAbsolutePath(), 0, false);
            resolved = resolved.withDatabase(config.database().withUrl(database.jdbcUrl(), database.user(), database.password()));
        }
        if (config.mqtt().embedded()) {
            try {
                broker = EmbeddedMqttBroker.start(EmbeddedMqttBroker.Options.persistentAt(
                        config.dataDir().resolve("mqtt").toAbsolutePath(), config.mqtt().bindAddress(), config.mqtt().port()));
            } catch (PortUnavailableException e) {
                throw new StartupException(StartupException.portInUse(e.port(), ConfigLoader.AGRI_MQTT_PORT).getMessage()
                        + " (or AGRI_MQTT_URL to use a running broker)");
            }
            resolved = resolved.withMqtt(config.mqtt().withUrl(broker.serverUri()));
        }
        return resolved;
    }

    boolean embeddedBroker() {
        return broker != null;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
