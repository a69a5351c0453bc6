package io.agrisense.platform.app;

import io.agrisense.platform.config.StartupException;
import picocli.CommandLine;

/** A setting to fix is one line on stderr and exit code 2, not a stack trace; shared by the platform's and the demo's mains. */
public final class StartupErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof StartupException) {
            cmd.getErr().println("error: " + e.getMessage());
            return 2;
        }
        throw e;
    }
}
