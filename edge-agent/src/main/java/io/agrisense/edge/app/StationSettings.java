package io.agrisense.edge.app;

import io.agrisense.edge.config.StationConfig;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Resolves what the YAML leaves to the environment: the broker URL override and the queue folder. */
final class StationSettings {

    static final String ENV_MQTT_URL = "AGRI_MQTT_URL";
    static final String ENV_DATA_DIR = "AGRI_DATA_DIR";
    private static final Logger LOG = LoggerFactory.getLogger(StationSettings.class);

    private StationSettings() {
    }

    /** {@code --broker} wins over {@code AGRI_MQTT_URL}, which wins over the YAML; the env var never turns CoAP into MQTT. */
    static StationConfig withBrokerOverride(StationConfig config, AgentOptions options, String envUrl) {
        if (options.brokerUrl() != null && !options.brokerUrl().isBlank()) {
            return config.withUplinkUrl(options.brokerUrl().trim());
        }
        if (envUrl != null && !envUrl.isBlank()) {
            if (config.uplink().isMqtt()) {
                return config.withUplinkUrl(envUrl.trim());
            }
            LOG.info("{} is set but station {} sends over CoAP; keeping {}", ENV_MQTT_URL, config.stationId(), config.uplink().url());
        }
        return config;
    }

    /** {@code --data-dir}/edge/<id>/queue, else the YAML's buffer.dir, else $AGRI_DATA_DIR/edge/<id>/queue, else ./data/... */
    static Path queueDir(StationConfig config, AgentOptions options, String envDataDir) {
        String id = config.stationId().value();
        if (options.dataDir() != null) {
            return options.dataDir().resolve("edge").resolve(id).resolve("queue");
        }
        if (config.buffer().dir() != null) {
            return config.buffer().dir();
        }
        Path base = envDataDir != null && !envDataDir.isBlank() ? Path.of(envDataDir) : Path.of("data");
        return base.resolve("edge").resolve(id).resolve("queue");
    }
}
