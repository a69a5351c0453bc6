package io.agrisense.platform.app;

import io.agrisense.platform.config.ConfigLoader;
import io.agrisense.platform.config.PlatformConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Everything on one machine: embedded broker and PostgreSQL under the data dir, the platform, simulated stations. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the embedded broker and PostgreSQL, the platform and simulated stations.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (database and broker URLs are ignored)")
    Path config;

    @Option(names = "--stations", paramLabel = "DIR", defaultValue = "firmware-configs",
            description = "folder of station YAML files to simulate (default: ${DEFAULT-VALUE}; "
                    + "the stations bundled with the agent when there is no such folder)")
    Path stations;

    @Override
    public Integer call() throws InterruptedException {
        PlatformConfig loaded = ConfigLoader.load(config, System.getenv());
        PlatformConfig settings = loaded.withDatabase(loaded.database().withUrl(null, null, null))
                .withMqtt(loaded.mqtt().withUrl(null));
        Platform platform = Platform.start(settings, Platform.Extensions.none());
        DemoStations demo = DemoStations.start(stations, platform.mqttUri(), platform.coapPort(), settings.dataDir());
        Running running = Running.until(() -> {
            demo.close();
            platform.close();
        });
        System.out.println(Urls.describe(platform));
        System.out.println(demo.describe());
        running.await();
        return 0;
    }
}
