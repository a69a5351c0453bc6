package io.agrisense.bench.alert;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder on the bench-base branch; replaced by the real benchmark before it merges into main. */
@Command(name = "alert-latency", description = "not built yet")
public final class AlertLatencyCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("alert-latency: not built yet");
        return 1;
    }
}
