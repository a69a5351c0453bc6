package io.agrisense.bench.agent;

import io.agrisense.bench.common.Report;
import io.agrisense.config.Quantities;
import io.agrisense.embedded.EmbeddedMqttBroker;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Footprint of the real edge agent: a child JVM with a small heap ({@code -Xmx64m}) runs a generated station of
 * simulated sensors at 1 Hz against the broker through a relay the benchmark can cut. It measures the received
 * reading rate against the expected one, the child's RSS, heap after GC, GC pauses and CPU in a steady phase; then
 * cuts the link, restores it and measures the queue peak, reconnection and drain; then checks that every reading
 * the agent counted as produced arrived exactly once (QoS 1 copies counted apart) and in order. The raw limit next
 * to it: a plain Paho QoS 1 publisher in a child JVM of the same heap, through the same relay.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Edge agent footprint: N simulated sensors at 1 Hz in a -Xmx64m JVM, a link outage, exact delivery.")
public final class AgentFootprintCommand implements Callable<Integer> {

    @Option(names = "--sensors", defaultValue = "50", description = "Simulated sensors (default ${DEFAULT-VALUE}).")
    int sensors;
    @Option(names = "--interval", defaultValue = "1s", description = "Each sensor's interval (default ${DEFAULT-VALUE}).")
    String interval;
    @Option(names = "--warmup", defaultValue = "20s", description = "Warm-up before the steady phase (default ${DEFAULT-VALUE}).")
    String warmup;
    @Option(names = "--duration", defaultValue = "3min", description = "Steady phase (default ${DEFAULT-VALUE}).")
    String duration;
    @Option(names = "--outage", defaultValue = "60s", description = "Link cut while sampling goes on (default ${DEFAULT-VALUE}).")
    String outage;
    @Option(names = "--raw-duration", defaultValue = "15s", description = "Raw Paho publisher run (default ${DEFAULT-VALUE}).")
    String rawDuration;
    @Option(names = "--xmx", defaultValue = "64m", description = "Heap of the agent's JVM (default ${DEFAULT-VALUE}).")
    String xmx;
    @Option(names = "--jvm-opt", defaultValue = "-XX:+UseSerialGC", split = ",",
            description = "Further options of the agent's JVM, comma-separated (default ${DEFAULT-VALUE}, as in "
                    + "edge-agent/dist/agrisense-agent.service); give --jvm-opt= for none.")
    List<String> jvmOptions;
    @Option(names = "--mqtt-url", description = "External broker, e.g. tcp://127.0.0.1:1883 (default: embedded HiveMQ CE).")
    String mqttUrl;
    @Option(names = "--report", description = "Also write the Markdown report to this file.")
    Path reportFile;

    @Override
    public Integer call() throws Exception {
        FootprintRun.Settings settings = new FootprintRun.Settings(sensors, Quantities.duration(interval),
                Quantities.duration(warmup), Quantities.duration(duration), Quantities.duration(outage), xmx,
                jvmOptions.stream().filter(o -> !o.isBlank()).toList(), Quantities.duration(rawDuration));
        String station = "bench-agent-" + UUID.randomUUID().toString().substring(0, 8);
        StationLayout layout = StationLayout.generate(station, sensors, settings.interval());
        FootprintRun run = new FootprintRun(settings, layout);
        Path folder = Files.createTempDirectory("agri-bench-agent-");
        EmbeddedMqttBroker embedded = mqttUrl == null ? EmbeddedMqttBroker.start(EmbeddedMqttBroker.Options.forTests()) : null;
        String brokerUrl = embedded != null ? embedded.serverUri() : mqttUrl;
        String brokerLabel = embedded != null ? "the embedded HiveMQ CE broker (in the benchmark's JVM)" : mqttUrl;
        try {
            URI uri = URI.create(brokerUrl);
            try (TcpRelay relay = TcpRelay.start(uri.getHost(), uri.getPort() < 0 ? 1883 : uri.getPort())) {
                System.err.printf("agent: %d sensors every %s, %s; work folder %s%n", sensors, interval, brokerUrl, folder);
                run.run(folder, brokerUrl, relay);
            }
        } catch (Exception e) {
            System.err.println("agent: FAILED, no figures: " + e);
            System.err.println("agent: the agent's console, GC log and station YAML are kept in " + folder);
            return 1;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        Report report = new Report("Edge agent footprint: " + sensors + " sensors every " + interval + " with " + settings.jvm(),
                reproduce());
        new FootprintReport(run, report).write(brokerLabel);
        report.publish(reportFile);
        if (run.failures.isEmpty()) {
            deleteTree(folder);
            return 0;
        }
        System.err.println("agent: FAILED; the agent's console, GC log and station YAML are kept in " + folder);
        return 1;
    }

    private String reproduce() {
        return "java -jar bench/target/agri-bench.jar agent --sensors " + sensors + " --interval " + interval
                + " --warmup " + warmup + " --duration " + duration + " --outage " + outage + " --raw-duration "
                + rawDuration + " --xmx " + xmx + " --jvm-opt=" + String.join(",", jvmOptions) + (mqttUrl == null ? "" : " --mqtt-url " + mqttUrl)
                + (reportFile == null ? "" : " --report " + reportFile);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
