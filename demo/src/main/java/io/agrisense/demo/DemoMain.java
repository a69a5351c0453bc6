package io.agrisense.demo;

import io.agrisense.platform.app.StartupErrors;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/** {@code java -jar agri-demo.jar [demo] [--config FILE] [--stations DIR] [--[no-]pond-night] [--pond-speed X]}. */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        // "demo" first is what agri-platform.jar took before the demo had its own jar; the options are the same.
        String[] options = args.length > 0 && args[0].equals("demo") ? Arrays.copyOfRange(args, 1, args.length) : args;
        return new CommandLine(new DemoCommand()).setOut(out).setErr(err)
                .setExecutionExceptionHandler(new StartupErrors()).execute(options);
    }
}
