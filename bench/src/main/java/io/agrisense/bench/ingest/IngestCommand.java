package io.agrisense.bench.ingest;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder on the bench-base branch; replaced by the real benchmark before it merges into main. */
@Command(name = "ingest", description = "not built yet")
public final class IngestCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("ingest: not built yet");
        return 1;
    }
}
