package io.agrisense.platform.app;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code agri-platform.jar demo} from before the demo had its own jar: one line saying where it went, exit 2. Hidden
 * from {@code --help}; the platform jar carries no agent, so it cannot run simulated stations.
 */
@Command(name = "demo", hidden = true, description = "Moved: java -jar demo/target/agri-demo.jar")
final class MovedDemoCommand implements Callable<Integer> {

    static final String MOVED = "error: the demo has its own jar now: java -jar demo/target/agri-demo.jar"
            + " (same options; build it with mvn -B -DskipTests package)";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println(MOVED);
        return 2;
    }
}
