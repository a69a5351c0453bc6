package io.agrisense.platform.app;

import io.agrisense.edge.app.AgentOptions;
import io.agrisense.edge.app.EdgeAgent;
import io.agrisense.edge.config.ConfigException;
import io.agrisense.edge.config.StationConfig;
import io.agrisense.edge.config.StationConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's simulated stations: the real edge agent (drivers over simulated hardware) for every station YAML in
 * a folder, or for the stations bundled with the agent when there is no such folder. MQTT stations publish to the
 * platform's broker, CoAP stations post to its CoAP port.
 */
final class DemoStations implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoStations.class);

    private final List<EdgeAgent> agents;

    private DemoStations(List<EdgeAgent> agents) {
        this.agents = agents;
    }

    static DemoStations start(Path folder, String brokerUrl, int coapPort, Path dataDir) {
        List<EdgeAgent> agents = new ArrayList<>();
        long seed = 1;
        for (StationConfig station : configs(folder)) {
            String uplink = station.uplink().isMqtt() || coapPort <= 0 ? brokerUrl : "coap://127.0.0.1:" + coapPort;
            try {
                agents.add(EdgeAgent.start(station, AgentOptions.defaults().withSimulate(true).withSeed(seed++)
                        .withBrokerUrl(uplink).withDataDir(dataDir)));
            } catch (Exception e) {
                LOG.warn("Simulated station {} did not start: {}", station.stationId(), e.getMessage());
            }
        }
        return new DemoStations(agents);
    }

    private static List<StationConfig> configs(Path folder) {
        StationConfigLoader loader = StationConfigLoader.standard();
        List<StationConfig> configs = new ArrayList<>();
        if (folder != null && Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    add(configs, file.toString(), () -> loader.load(file));
                }
            } catch (IOException e) {
                LOG.warn("Cannot list station files in {}: {}", folder, e.getMessage());
            }
        } else {
            for (String name : StationConfigLoader.bundledNames()) {
                add(configs, name, () -> loader.loadBundled(name));
            }
        }
        return configs;
    }

    private interface Load {
        StationConfig load() throws ConfigException;
    }

    private static void add(List<StationConfig> configs, String what, Load load) {
        try {
            configs.add(load.load());
        } catch (ConfigException e) {
            LOG.warn("Station {} skipped: {}", what, e.getMessage());
        }
    }

    String describe() {
        StringBuilder s = new StringBuilder("  stations           ").append(agents.size()).append(" simulated:");
        for (EdgeAgent a : agents) {
            s.append(' ').append(a.stationId().value());
        }
        return s.toString();
    }

    /** Stops every station: relays to their safe state, queues to disk, status offline. */
    @Override
    public void close() {
        for (EdgeAgent a : agents) {
            try {
                a.close();
            } catch (RuntimeException e) {
                LOG.warn("Station {} did not stop cleanly: {}", a.stationId(), e.getMessage());
            }
        }
    }
}
