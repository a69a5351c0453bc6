package io.agrisense.edge.app;

import io.agrisense.config.ConfigException;
import io.agrisense.edge.config.StationConfig;
import io.agrisense.edge.config.StationConfigLoader;
import io.agrisense.link.systemd.SystemdNotifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code java -jar agri-edge-agent.jar run --config <station.yaml> [--simulate] [--broker URL] [--seed N] [--data-dir DIR]}. */
@Command(name = "agri-edge-agent", mixinStandardHelpOptions = true, versionProvider = AgentMain.Version.class,
        description = "AgriSense station agent: samples sensors, buffers on disk, sends SenML over MQTT or CoAP.",
        subcommands = {AgentMain.Run.class, AgentMain.Check.class, AgentMain.ListConfigs.class})
public final class AgentMain {

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "agri-edge-logback.xml");
        }
        System.exit(new CommandLine(new AgentMain()).execute(args));
    }

    /** A path to a YAML file, or the name of a station bundled in the jar ({@code crayfish_pond}). */
    static StationConfig load(String config) throws ConfigException {
        Path file = Path.of(config);
        if (Files.exists(file) || config.contains("/") || config.endsWith(".yaml")) {
            return StationConfigLoader.standard().load(file);
        }
        return StationConfigLoader.standard().loadBundled(config);
    }

    @Command(name = "run", mixinStandardHelpOptions = true, versionProvider = AgentMain.Version.class,
            description = "Run a station until Ctrl-C (or SIGTERM); under systemd (Type=notify) it reports ready and pings the watchdog.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--config", required = true, description = "Station YAML file, or a bundled station name (see list-configs).")
        String config;
        @Option(names = "--simulate", description = "Use simulated hardware (the real drivers over a physical model).")
        boolean simulate;
        @Option(names = "--broker", description = "Broker URL overriding the YAML's (also AGRI_MQTT_URL), e.g. tcp://127.0.0.1:1883.")
        String broker;
        @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulation (default ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--data-dir", description = "Folder for the queue (default: $AGRI_DATA_DIR or ./data).")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            StationConfig station;
            try {
                station = load(config);
            } catch (ConfigException e) {
                System.err.println("Config error: " + e.getMessage());
                return 2;
            }
            Path file = Files.exists(Path.of(config)) ? Path.of(config) : null;
            AgentOptions options = AgentOptions.defaults().withSimulate(simulate).withSeed(seed).withDataDir(dataDir)
                    .withBrokerUrl(broker).withConfigFile(file);
            EdgeAgent agent = EdgeAgent.start(station, options);
            SystemdNotifier systemd = SystemdNotifier.fromEnvironment();
            agent.notifyReady(systemd);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                systemd.stopping();
                agent.close();
                stopped.countDown();
            }, "agri-shutdown"));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = AgentMain.Version.class,
            description = "Load and validate a station YAML; print what it configures.")
    static final class Check implements Callable<Integer> {
        @Option(names = "--config", required = true, description = "Station YAML file or bundled station name.")
        String config;

        @Override
        public Integer call() {
            try {
                StationConfig c = load(config);
                System.out.printf("%s: station %s (%s, %s), %d sensors, %d actuators, %d rules, uplink %s, payload %s%n",
                        c.source(), c.stationId(), c.profile(), c.name(), c.sensors().size(), c.actuators().size(),
                        c.rules().size(), c.uplink().url(), c.payloadFormat().name().toLowerCase());
                return 0;
            } catch (ConfigException e) {
                System.err.println("Config error: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "list-configs", mixinStandardHelpOptions = true, versionProvider = AgentMain.Version.class,
            description = "List the station YAML files bundled in the jar.")
    static final class ListConfigs implements Callable<Integer> {
        @Override
        public Integer call() {
            StationConfigLoader.bundledNames().forEach(System.out::println);
            return 0;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"agri-edge-agent " + AgentVersion.get()};
        }
    }
}
