package io.agrisense.platform.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar agri-platform.jar serve}; the demo is {@code java -jar demo/target/agri-demo.jar}. */
@Command(name = "agri-platform", mixinStandardHelpOptions = true, versionProvider = PlatformMain.Version.class,
        description = "AgriSense platform: ingests SenML over MQTT, HTTP and CoAP, stores time series, serves the API.",
        subcommands = {ServeCommand.class, MovedDemoCommand.class})
public final class PlatformMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        return run(args, new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true));
    }

    static int run(String[] args, java.io.PrintWriter out, java.io.PrintWriter err) {
        return new CommandLine(new PlatformMain()).setOut(out).setErr(err)
                .setExecutionExceptionHandler(new StartupErrors()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: serve");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PlatformMain.class.getPackage().getImplementationVersion();
            return new String[] {"agri-platform " + (v == null ? "development" : v)};
        }
    }
}
