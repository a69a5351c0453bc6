package io.agrisense.bench.codec;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder on the bench-base branch; replaced by the real benchmark before it merges into main. */
@Command(name = "codec", description = "not built yet")
public final class CodecCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("codec: not built yet");
        return 1;
    }
}
