package io.agrisense.bench.codec;

import io.agrisense.bench.common.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs {@link CodecBenchmark} under JMH (forked JVM) and reports packs/s and readings/s next to the raw Jackson walk. */
@Command(name = "codec", mixinStandardHelpOptions = true,
        description = "SenML JSON/CBOR decode+resolve and encode throughput (JMH), beside a raw Jackson token walk.")
public final class CodecCommand implements Callable<Integer> {

    @Option(names = "--readings-per-pack", defaultValue = "50", description = "Readings in each pack (default ${DEFAULT-VALUE}).")
    int readingsPerPack;

    @Option(names = "--forks", defaultValue = "1", description = "JMH forks (default ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--iterations", defaultValue = "5", description = "Measured iterations per fork (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--iteration-time", defaultValue = "2", description = "Seconds per iteration, warm-up and measured (default ${DEFAULT-VALUE}).")
    int iterationSeconds;

    @Option(names = "--threads", defaultValue = "1", description = "Benchmark threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--report", description = "Also write the Markdown report to this file.")
    Path reportFile;

    @Override
    public Integer call() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(CodecBenchmark.class.getName() + "\\.")
                .param("readingsPerPack", Integer.toString(readingsPerPack))
                .forks(forks)
                .threads(threads)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(iterationSeconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(iterationSeconds))
                .jvmArgsAppend("-Xmx512m")
                .build()).run();
        CodecBenchmark sizes = new CodecBenchmark();
        sizes.readingsPerPack = readingsPerPack;
        sizes.setUp();

        Report report = new Report("SenML codec (JMH)", String.format(Locale.ROOT,
                "java -jar bench/target/agri-bench.jar codec --readings-per-pack %d --forks %d --iterations %d --iteration-time %d --threads %d",
                readingsPerPack, forks, iterations, iterationSeconds, threads));
        report.line(String.format(Locale.ROOT, "One station pack of %d readings: %d bytes as SenML JSON, %d bytes as SenML CBOR. "
                        + "JMH throughput mode, %d thread(s), %d fork(s), 3 warm-up and %d measured iterations of %d s.",
                readingsPerPack, sizes.jsonBytes(), sizes.cborBytes(), threads, forks, iterations, iterationSeconds)).blank();
        report.line("| benchmark | packs/s | ± (99.9 %) | readings/s | MB/s of payload |");
        report.line("|---|---:|---:|---:|---:|");
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing(r -> r.getParams().getBenchmark()));
        for (RunResult r : sorted) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            double packsPerSecond = r.getPrimaryResult().getScore();
            int bytes = name.toLowerCase(Locale.ROOT).contains("cbor") ? sizes.cborBytes() : sizes.jsonBytes();
            report.line(String.format(Locale.ROOT, "| %s%s | %,.0f | %,.0f | %,.0f | %.1f |", name,
                    name.startsWith("raw") ? " (raw limit)" : "", packsPerSecond, r.getPrimaryResult().getScoreError(),
                    packsPerSecond * readingsPerPack, packsPerSecond * bytes / 1e6));
        }
        report.blank();
        report.publish(reportFile);
        return 0;
    }
}
