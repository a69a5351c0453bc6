package io.agrisense.platform.app;

import io.agrisense.platform.config.StartupException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar agri-platform.jar serve|demo}. */
@Command(name = "agri-platform", mixinStandardHelpOptions = true, versionProvider = PlatformMain.Version.class,
        description = "AgriSense platform: ingests SenML over MQTT, HTTP and CoAP, stores time series, serves the API.",
        subcommands = {ServeCommand.class, DemoCommand.class})
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
        CommandLine cl = new CommandLine(new PlatformMain()).setOut(out).setErr(err);
        // A setting to fix is one line on stderr, not a stack trace.
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof StartupException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: serve or demo");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PlatformMain.class.getPackage().getImplementationVersion();
            return new String[] {"agri-platform " + (v == null ? "development" : v)};
        }
    }
}
