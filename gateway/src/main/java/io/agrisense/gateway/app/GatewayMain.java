package io.agrisense.gateway.app;

import io.agrisense.config.ConfigException;
import io.agrisense.gateway.config.GatewayConfig;
import io.agrisense.gateway.config.GatewayConfigLoader;
import io.agrisense.link.systemd.SystemdNotifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code java -jar agri-gateway.jar run --config <gateway.yaml> [--broker URL]} and {@code check --config <gateway.yaml>}. */
@Command(name = "agri-gateway", mixinStandardHelpOptions = true, versionProvider = GatewayMain.Version.class,
        description = "AgriSense field gateway: takes SenML over CoAP/DTLS from stations, queues it on disk, forwards it over MQTT.",
        subcommands = {GatewayMain.Run.class, GatewayMain.Check.class})
public final class GatewayMain {

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "agri-gateway-logback.xml");
        }
        System.exit(new CommandLine(new GatewayMain()).execute(args));
    }

    /** The YAML with the environment's overrides, then {@code --broker} over both. */
    static GatewayConfig load(Path file, String broker) throws ConfigException {
        GatewayConfig config = GatewayConfigLoader.load(file, System.getenv());
        if (broker != null && !broker.isBlank()) {
            String problem = GatewayConfigLoader.checkBrokerUrl(broker.trim()).orElse(null);
            if (problem != null) {
                throw new ConfigException("command line", "--broker", problem);
            }
            config = config.withBrokerUrl(broker.trim());
        }
        return config;
    }

    @Command(name = "run", mixinStandardHelpOptions = true, versionProvider = GatewayMain.Version.class,
            description = "Run the gateway until Ctrl-C (or SIGTERM); under systemd (Type=notify) it reports ready and pings the watchdog.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--config", required = true, description = "Gateway YAML file.")
        Path config;
        @Option(names = "--broker", description = "Broker URL overriding the YAML's and AGRI_MQTT_URL, e.g. tcp://127.0.0.1:1883.")
        String broker;

        @Override
        public Integer call() throws Exception {
            GatewayConfig c;
            try {
                c = load(config, broker);
            } catch (ConfigException e) {
                System.err.println("Config error: " + e.getMessage());
                return 2;
            }
            Gateway gateway;
            try {
                gateway = Gateway.start(c, Clock.systemUTC());
            } catch (IllegalStateException e) {
                System.err.println("Cannot start: " + e.getMessage());
                return 1;
            }
            SystemdNotifier systemd = SystemdNotifier.fromEnvironment();
            gateway.notifyReady(systemd);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                systemd.stopping();
                gateway.close();
                stopped.countDown();
            }, "agri-gw-shutdown"));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = GatewayMain.Version.class,
            description = "Load and validate a gateway YAML; print what it configures.")
    static final class Check implements Callable<Integer> {
        @Option(names = "--config", required = true, description = "Gateway YAML file.")
        Path config;

        @Override
        public Integer call() {
            try {
                GatewayConfig c = load(config, null);
                System.out.printf("%s: gateway %s (%s), CoAP %s:%d%s, broker %s, queue %s (max %d bytes, fsync %s)%n",
                        c.source(), c.gatewayId(), c.name(), c.coap().host(), c.coap().port(),
                        c.coap().dtls().enabled() ? ", DTLS " + c.coap().dtls().port() + " for " + c.coap().dtls().keys().size()
                                + " station(s)" + (c.coap().dtls().required() ? " (required)" : "") : "",
                        c.mqtt().url(), c.buffer().dir(), c.buffer().maxBytes(), c.buffer().fsync().name().toLowerCase());
                return 0;
            } catch (ConfigException e) {
                System.err.println("Config error: " + e.getMessage());
                return 2;
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"agri-gateway " + GatewayVersion.get()};
        }
    }
}
