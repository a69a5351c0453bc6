package io.agrisense.bench.agent;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder on the bench-base branch; replaced by the real benchmark before it merges into main. */
@Command(name = "agent", description = "not built yet")
public final class AgentFootprintCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("agent: not built yet");
        return 1;
    }
}
