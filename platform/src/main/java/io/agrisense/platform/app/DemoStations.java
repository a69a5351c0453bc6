package io.agrisense.platform.app;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's simulated stations: one edge agent (the real agent code, with simulated sensors) per station YAML
 * file, publishing to the platform's broker.
 *
 * <p>TODO(demo): the edge agent's embedding API ({@code io.agrisense.edge.app.EdgeAgent.start(StationConfig,
 * AgentOptions)}) is not on main yet; once it is, load each YAML under {@code folder}, point its uplink at
 * {@code brokerUrl}, and start it with {@code AgentOptions.defaults().withSimulate(true).withDataDir(dataDir/<id>)}.
 * Until then the demo starts the broker, the database and the platform without stations.
 */
final class DemoStations implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoStations.class);

    private final String description;

    private DemoStations(String description) {
        this.description = description;
    }

    static DemoStations start(Path folder, String brokerUrl, Path dataDir) {
        LOG.warn("Simulated stations are not started: the edge agent's embedding API is not available yet");
        return new DemoStations("  stations           none yet (publish with mosquitto_pub to " + brokerUrl + ")");
    }

    String describe() {
        return description;
    }

    @Override
    public void close() {
        // nothing started
    }
}
