package io.agrisense.demo;

import io.agrisense.config.ConfigException;
import io.agrisense.edge.app.AgentOptions;
import io.agrisense.edge.app.EdgeAgent;
import io.agrisense.edge.config.StationConfig;
import io.agrisense.edge.config.StationConfigLoader;
import io.agrisense.edge.sim.OxygenSag;
import io.agrisense.edge.sim.WorldTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /**
     * The demo's pond night: crayfish ponds run in a world that starts {@code lead} (world time) before a night's
     * dissolved-oxygen sag below {@code level}, {@code speed} times as fast, so the sag, the critical alert, the
     * aerator and the recovery happen within minutes instead of at 3 a.m. Off: every world runs on the wall clock.
     */
    record PondNight(boolean enabled, double speed, Duration lead, double level) {

        static PondNight off() {
            return new PondNight(false, 1, Duration.ZERO, 3.0);
        }
    }

    private final List<EdgeAgent> agents;
    private final List<String> notes;

    private DemoStations(List<EdgeAgent> agents, List<String> notes) {
        this.agents = agents;
        this.notes = notes;
    }

    static DemoStations start(Path folder, String brokerUrl, int coapPort, Path dataDir, PondNight night) {
        List<EdgeAgent> agents = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long seed = 1;
        for (StationConfig station : configs(folder)) {
            String uplink = station.uplink().isMqtt() || coapPort <= 0 ? brokerUrl : "coap://127.0.0.1:" + coapPort;
            long stationSeed = seed++;
            AgentOptions options = AgentOptions.defaults().withSimulate(true).withSeed(stationSeed)
                    .withBrokerUrl(uplink).withDataDir(dataDir);
            if (night.enabled() && POND.equals(station.profile())) {
                Optional<PondWorld> world = pondWorld(stationSeed, night, Clock.systemUTC());
                if (world.isPresent()) {
                    options = options.withSeed(world.get().seed()).withWorld(world.get().world());
                    notes.add(nightNote(station, world.get().world(), night));
                } else {
                    notes.add("  " + station.stationId().value() + ": no night with an oxygen sag below " + night.level()
                            + " mg/L near seed " + stationSeed + "; its world runs on the wall clock");
                }
            }
            try {
                agents.add(EdgeAgent.start(station, options));
            } catch (Exception e) {
                LOG.warn("Simulated station {} did not start: {}", station.stationId(), e.getMessage());
            }
        }
        return new DemoStations(agents, notes);
    }

    private static final String POND = "crayfish_pond";
    private static final int SEED_TRIES = 20;

    /** A pond's seed and the world that starts just before its night's oxygen sag. */
    record PondWorld(long seed, WorldTime world) {
    }

    /**
     * The pond's world just before a night's sag: its own seed where that weather has such a night in the searched
     * weeks, otherwise the first of the next seeds (deterministic) that has one, so the demo shows the alert wherever
     * the station sits in the folder.
     */
    static Optional<PondWorld> pondWorld(long seed, PondNight night, Clock wall) {
        for (int i = 0; i < SEED_TRIES; i++) {
            long candidate = seed + i * 1000L;
            Optional<WorldTime> world = OxygenSag.shortlyBefore(POND, candidate, night.level(), 0.3, night.lead(),
                    night.speed(), wall);
            if (world.isPresent()) {
                return Optional.of(new PondWorld(candidate, world.get()));
            }
        }
        return Optional.empty();
    }

    private static String nightNote(StationConfig station, WorldTime world, PondNight night) {
        String local = world.clock().instant().atOffset(ZoneOffset.ofHours(8)).toLocalDateTime()
                .truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
        long wallLead = Math.max(1, Math.round(night.lead().toSeconds() / night.speed()));
        return "  " + station.stationId().value() + ": pond night at " + local + " local, world " + format(night.speed())
                + "x: dissolved oxygen falls below " + format(night.level()) + " mg/L in about " + wallLead
                + " s, the critical alert follows once it has stayed there for the rule's 2 min, the aerator lifts it"
                + " and the alert resolves (watch the dashboard)";
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
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
        notes.forEach(n -> s.append('\n').append(n));
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
