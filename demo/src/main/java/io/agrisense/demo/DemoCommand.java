package io.agrisense.demo;

import io.agrisense.platform.app.Platform;
import io.agrisense.platform.app.Running;
import io.agrisense.platform.app.Urls;
import io.agrisense.platform.config.ConfigLoader;
import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.config.StartupException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Everything on one machine: embedded broker and PostgreSQL under the data dir, the platform, simulated stations. */
@Command(name = "agri-demo", mixinStandardHelpOptions = true, versionProvider = DemoCommand.Version.class,
        description = "Run the embedded broker and PostgreSQL, the platform and simulated stations.",
        footer = "The first argument may be 'demo' (java -jar agri-demo.jar demo ...), as with the platform jar before.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (database and broker URLs are ignored)")
    Path config;

    @Option(names = "--stations", paramLabel = "DIR", defaultValue = "firmware-configs",
            description = "folder of station YAML files to simulate (default: ${DEFAULT-VALUE}; "
                    + "the stations bundled with the agent when there is no such folder)")
    Path stations;

    @Option(names = "--pond-night", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "start the crayfish ponds' simulated world just before a night's dissolved-oxygen sag, so the"
                    + " critical low-DO alert, the aerator and the recovery show within minutes (default: on;"
                    + " --no-pond-night runs every world on the wall clock)")
    boolean pondNight;

    @Option(names = "--pond-speed", paramLabel = "X", defaultValue = "3",
            description = "how much faster than the wall clock the pond's world runs during the demo night (default: ${DEFAULT-VALUE})")
    double pondSpeed;

    @Override
    public Integer call() throws InterruptedException {
        if (!(pondSpeed > 0 && pondSpeed <= 1000)) {
            throw new StartupException("--pond-speed must be above 0 and at most 1000, got " + pondSpeed);
        }
        PlatformConfig loaded = ConfigLoader.load(config, System.getenv());
        PlatformConfig settings = loaded.withDatabase(loaded.database().withUrl(null, null, null))
                .withMqtt(loaded.mqtt().withUrl(null))
                // Open, for the README's try-it commands: anyone who reaches this machine may read and write.
                .withSecurity(loaded.security().withMode(PlatformConfig.Security.Mode.OPEN));
        Platform platform = Platform.start(settings, Platform.Extensions.none());
        DemoStations.PondNight night = pondNight
                ? new DemoStations.PondNight(true, pondSpeed, java.time.Duration.ofMinutes(1), 3.0)
                : DemoStations.PondNight.off();
        DemoStations demo = DemoStations.start(stations, platform.mqttUri(), platform.coapPort(), settings.dataDir(), night);
        Running running = Running.until(() -> {
            demo.close();
            platform.close();
        });
        System.out.println(Urls.describe(platform));
        System.out.println(demo.describe());
        running.await();
        return 0;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = DemoCommand.class.getPackage().getImplementationVersion();
            return new String[] {"agri-demo " + (v == null ? "development" : v)};
        }
    }
}
