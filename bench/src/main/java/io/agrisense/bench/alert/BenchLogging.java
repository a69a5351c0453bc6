package io.agrisense.bench.alert;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/**
 * Puts the benchmark's {@code logback.xml} back in force. The embedded HiveMQ CE loads its own logging configuration
 * when it starts, which drops the benchmark's levels: the platform would then log every alert change at INFO on
 * stdout (into the report) in embedded runs only, and the two modes would not measure the same thing.
 */
final class BenchLogging {

    private BenchLogging() {
    }

    static void restore() {
        URL config = BenchLogging.class.getClassLoader().getResource("logback.xml");
        if (config == null || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            System.err.println("alert-latency: could not restore the logging configuration: " + e.getMessage());
        }
    }
}
