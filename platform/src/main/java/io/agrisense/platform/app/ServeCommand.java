package io.agrisense.platform.app;

import io.agrisense.platform.config.ConfigLoader;
import io.agrisense.platform.config.PlatformConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Production: broker and database from the configuration (embedded ones when their URLs are unset). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the platform with the broker and database from --config and AGRI_* variables.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        PlatformConfig settings = ConfigLoader.load(config, System.getenv());
        Platform platform = Platform.start(settings, Platform.Extensions.none());
        Running running = Running.until(platform::close);
        System.out.println(Urls.describe(platform));
        running.await();
        return 0;
    }
}
