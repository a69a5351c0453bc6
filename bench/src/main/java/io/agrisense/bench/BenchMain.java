package io.agrisense.bench;

import io.agrisense.bench.agent.AgentFootprintCommand;
import io.agrisense.bench.alert.AlertLatencyCommand;
import io.agrisense.bench.codec.CodecCommand;
import io.agrisense.bench.ingest.IngestCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar bench/target/agri-bench.jar <benchmark> [options]}: each benchmark prints a Markdown report. */
@Command(name = "agri-bench", mixinStandardHelpOptions = true, version = "agri-bench 0.1.0",
        description = "AgriSense benchmarks: each measures the product next to the machine's raw limits in the same run.",
        subcommands = {IngestCommand.class, AlertLatencyCommand.class, AgentFootprintCommand.class, CodecCommand.class})
public final class BenchMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
