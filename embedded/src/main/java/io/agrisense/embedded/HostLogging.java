package io.agrisense.embedded;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/**
 * HiveMQ CE reconfigures logback from its own conf folder when it starts, which drops the host application's logger
 * levels (the platform's, the demo's, a benchmark's). This puts the host's {@code logback-test.xml} or
 * {@code logback.xml} back in force afterwards.
 */
final class HostLogging {

    private HostLogging() {
    }

    static void restore() {
        ClassLoader loader = HostLogging.class.getClassLoader();
        URL config = loader.getResource("logback-test.xml");
        if (config == null) {
            config = loader.getResource("logback.xml");
        }
        if (config == null || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            System.err.println("could not restore the logging configuration " + config + ": " + e.getMessage());
        }
    }
}
