package io.agrisense.bench.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.agrisense.bench.common.LatencyRecorder;
import io.agrisense.protocol.StationId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phases of one agent footprint run against a started broker and relay: start the agent, warm up, steady,
 * link outage, recovery, then freeze sampling (every sensor's interval set to 1d) so the agent's own read counters
 * are final, and wait until every reading they account for has arrived. Afterwards the raw Paho publisher runs in
 * a child JVM of the same heap through the same relay. The figures stay in this object for {@link FootprintReport}.
 */
final class FootprintRun {

    record Settings(int sensors, Duration interval, Duration warmup, Duration steady, Duration outage, String xmx,
                    List<String> jvmOptions, Duration rawDuration) {

        /** How the child JVMs are started, e.g. {@code -Xmx64m -XX:+UseSerialGC}. */
        String jvm() {
            return String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("-Xmx" + xmx),
                    jvmOptions.stream()).toList());
        }
    }

    /** The raw publisher's result line. */
    record RawResult(long acked, double seconds, long failed, int window, int bytes, long cpuTicks) {
        double perSecond() {
            return acked / seconds;
        }
    }

    private static final Pattern RAW = Pattern.compile(
            "RAW acked=(\\d+) seconds=([\\d.]+) failed=(\\d+) window=(\\d+) bytes=(\\d+) cpu_ticks=(\\d+)");

    final Settings settings;
    final StationLayout layout;
    final ReadingLedger ledger;
    final List<String> failures = new ArrayList<>();
    String launchedAs;
    PhaseMeter.Phase steady;
    PhaseMeter.Phase outage;
    PhaseMeter.Phase recovery;
    long steadyArrivals;
    long steadyMessages;
    LatencyRecorder.Summary latency;
    Map<String, Long> steadyReadsBySensor = new TreeMap<>();
    long queueAtSteadyEnd;
    long refusedConnections;
    double reconnectSeconds = Double.NaN;
    double drainSeconds = Double.NaN;
    long stampedDuringOutage;
    Map<String, Long> producedByMetric = new TreeMap<>();
    long produced;
    long received;
    List<String> problems = List.of();
    JsonNode finalStatus;
    long peakRssKb;
    boolean outOfMemory;
    GcLog gc;
    double steadyFromUptime;
    double steadyToUptime;
    double outageFromUptime;
    double recoveryToUptime;
    RawResult raw;
    int rawReadingsPerPack;
    long ticksPerSecond = ProcessFootprint.clockTicksPerSecond();

    FootprintRun(Settings settings, StationLayout layout) {
        this.settings = settings;
        this.layout = layout;
        this.ledger = new ReadingLedger(layout.readingsPerRoundByMetric().keySet());
    }

    void run(Path folder, String brokerUrl, TcpRelay relay) throws Exception {
        Path yaml = folder.resolve("station.yaml");
        String relayUrl = "tcp://127.0.0.1:" + relay.port();
        java.nio.file.Files.writeString(yaml, layout.yaml(relayUrl, Duration.ofSeconds(5)));
        try (StationConsole console = StationConsole.connect(brokerUrl, new StationId(layout.stationId()), ledger)) {
            ChildJvm agent = startAgent(folder, yaml, relayUrl);
            try (PhaseMeter meter = new PhaseMeter(new ProcessFootprint(agent.pid()))) {
                awaitFirstReadings(agent);
                Thread.sleep(settings.warmup().toMillis());
                steadyPhase(console, meter);
                outagePhase(relay, meter);
                recoveryPhase(console, meter);
                freezeAndCount(console, agent);
                peakRssKb = new ProcessFootprint(agent.pid()).peakRssKb();
            } finally {
                agent.close();
            }
            outOfMemory = agent.consoleText().contains("OutOfMemoryError");
            if (outOfMemory) {
                failures.add("the agent's output mentions OutOfMemoryError (see " + folder.resolve("agent-console.log") + ")");
            }
            gc = GcLog.read(agent.gcLogFile());
            steadyFromUptime = agent.uptimeAt(steady.fromNanos());
            steadyToUptime = agent.uptimeAt(steady.toNanos());
            outageFromUptime = agent.uptimeAt(outage.fromNanos());
            recoveryToUptime = agent.uptimeAt(recovery.toNanos());
            if (console.undecodablePacks() > 0) {
                failures.add(console.undecodablePacks() + " telemetry pack(s) could not be decoded: "
                        + console.lastUndecodable().orElse(""));
            }
        }
        rawLimit(folder, relayUrl);
    }

    private ChildJvm startAgent(Path folder, Path yaml, String relayUrl) throws IOException {
        Path jar = ChildJvm.agentJar();
        List<String> launch = new ArrayList<>();
        if (jar != null) {
            launch.addAll(List.of("-jar", jar.toString()));
            launchedAs = "java " + settings.jvm() + " -jar " + jar.getFileName();
        } else {
            launch.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.agrisense.edge.app.AgentMain"));
            launchedAs = "java " + settings.jvm() + " -cp agri-bench.jar io.agrisense.edge.app.AgentMain";
        }
        launch.addAll(List.of("run", "--config", yaml.toString(), "--simulate", "--broker", relayUrl,
                "--data-dir", folder.resolve("agent-data").toString()));
        launchedAs += " run --config station.yaml --simulate --broker <relay>";
        return ChildJvm.start(folder, "agent", settings.xmx(), settings.jvmOptions(), launch);
    }

    private void awaitFirstReadings(ChildJvm agent) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (ledger.sensorReadings() == 0) {
            if (!agent.isAlive()) {
                throw new IllegalStateException("the agent exited with " + agent.waitFor(1) + ":\n" + tail(agent.consoleText()));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no reading from the agent within 90 s:\n" + tail(agent.consoleText()));
            }
            Thread.sleep(200);
        }
    }

    private void steadyPhase(StationConsole console, PhaseMeter meter) throws Exception {
        Map<String, Long> before = reads(console.statusWhenReachable(Duration.ofSeconds(10)));
        long messagesBefore = ledger.messages();
        meter.begin("steady");
        ledger.measureLatencyBetween(System.currentTimeMillis(), System.currentTimeMillis() + settings.steady().toMillis());
        Thread.sleep(settings.steady().toMillis());
        steady = meter.end();
        JsonNode after = console.statusWhenReachable(Duration.ofSeconds(10));
        steadyMessages = ledger.messages() - messagesBefore;
        // readings still in flight at the window's end are counted by arrival, like those in flight at its start
        steadyArrivals = ledger.sensorArrivalsBetween(steady.fromMillis(), steady.toMillis());
        reads(after).forEach((sensor, n) -> steadyReadsBySensor.put(sensor, n - before.getOrDefault(sensor, 0L)));
        queueAtSteadyEnd = after.path("queue").path("records").asLong();
        latency = ledger.latency().count() == 0 ? null : ledger.latency().summary();
        double expected = layout.readingsPerSecond() * steady.seconds();
        if (steadyArrivals < 0.98 * expected) {
            failures.add(String.format(java.util.Locale.ROOT, "not sustained: %d readings arrived in the steady %.0f s, "
                    + "%.0f expected", steadyArrivals, steady.seconds(), expected));
        }
        List<String> late = offSchedule();
        if (!late.isEmpty()) {
            failures.add(late.size() + " sensor(s) did not read on schedule in the steady phase, e.g. " + late.get(0));
        }
    }

    /** Reads per sensor in the steady window expected from its interval; +-1 for the window's edges. */
    double expectedSteadyReads() {
        return steady.seconds() * 1e9 / settings.interval().toNanos();
    }

    /** Sensors whose steady reads are more than 1 (plus 1 %) away from the interval's count. */
    List<String> offSchedule() {
        double expected = expectedSteadyReads();
        return steadyReadsBySensor.entrySet().stream()
                .filter(e -> Math.abs(e.getValue() - expected) > 1 + expected / 100)
                .map(e -> e.getKey() + " read " + e.getValue() + " times, " + Math.round(expected) + " expected").toList();
    }

    private void outagePhase(TcpRelay relay, PhaseMeter meter) throws Exception {
        meter.begin("outage");
        relay.cut();
        Thread.sleep(settings.outage().toMillis());
        relay.restore();
        outage = meter.end();
        refusedConnections = relay.refusedConnections();
    }

    /** From the restore until the agent's queue is back to its steady depth (or 2 outages + 60 s have passed). */
    private void recoveryPhase(StationConsole console, PhaseMeter meter) throws Exception {
        meter.begin("recovery");
        long patience = settings.outage().multipliedBy(2).plusSeconds(60).toNanos();
        JsonNode status = console.statusWhenReachable(Duration.ofNanos(patience));
        long steadyDepth = Math.max(10, 2 * queueAtSteadyEnd);
        long deadline = outage.toNanos() + patience;
        while (status.path("queue").path("records").asLong() > steadyDepth && System.nanoTime() < deadline) {
            Thread.sleep(500);
            status = console.statusWhenReachable(Duration.ofSeconds(30));
        }
        recovery = meter.end();
        if (status.path("queue").path("records").asLong() > steadyDepth) {
            failures.add("the agent's queue was still " + status.path("queue").path("records").asLong()
                    + " records deep " + Duration.ofNanos(patience).toSeconds() + " s after the link came back");
        }
    }

    /**
     * Sets every sensor's interval to 1d (commands run on the sampling thread, so no read is half done), takes the
     * agent's read counters, and waits until the subscriber holds that many distinct readings per metric.
     */
    private void freezeAndCount(StationConsole console, ChildJvm agent) throws Exception {
        for (StationLayout.Sensor s : layout.sensors()) {
            console.setInterval(s.name(), "1d", Duration.ofSeconds(60));
        }
        finalStatus = console.statusWhenReachable(Duration.ofSeconds(30));
        Map<String, Long> reads = reads(finalStatus);
        Map<String, Long> expected = new TreeMap<>();
        for (StationLayout.Sensor s : layout.sensors()) {
            long n = reads.getOrDefault(s.name(), 0L);
            s.metrics().forEach(m -> expected.merge(m, n, Long::sum));
        }
        producedByMetric = expected;
        produced = expected.values().stream().mapToLong(Long::longValue).sum();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!ledger.sensorReadingsByMetric().equals(expected) && System.nanoTime() < deadline && agent.isAlive()) {
            Thread.sleep(200);
        }
        Thread.sleep(1_000); // late copies or surplus readings would show up now
        received = ledger.sensorReadings();
        problems = ledger.verify(expected);
        failures.addAll(problems);
        stampedDuringOutage = ledger.sensorReadingsStampedBetween(outage.fromMillis(), outage.toMillis());
        reconnectSeconds = (ledger.firstSensorArrivalFrom(outage.toMillis()) - outage.toMillis()) / 1000.0;
        long lastBacklogArrival = ledger.lastArrivalOfReadingsStampedBefore(outage.toMillis());
        drainSeconds = (lastBacklogArrival - outage.toMillis()) / 1000.0;
        JsonNode q = finalStatus.path("queue");
        if (q.path("dropped_readings").asLong() > 0) {
            failures.add("the agent dropped " + q.path("dropped_readings").asLong() + " readings (queue full)");
        }
        if (finalStatus.path("uplink").path("records_rejected").asLong() > 0) {
            failures.add("the broker rejected " + finalStatus.path("uplink").path("records_rejected").asLong() + " records");
        }
    }

    private void rawLimit(Path folder, String relayUrl) throws Exception {
        rawReadingsPerPack = steadyMessages == 0 ? 1 : (int) Math.max(1, Math.round((double) steadyArrivals / steadyMessages));
        List<String> launch = List.of("-cp", System.getProperty("java.class.path"), RawPublishMain.class.getName(),
                relayUrl, layout.stationId() + "-raw", Double.toString(settings.rawDuration().toMillis() / 1000.0),
                Integer.toString(rawReadingsPerPack));
        try (ChildJvm child = ChildJvm.start(folder, "raw", settings.xmx(), settings.jvmOptions(), launch)) {
            int exit = child.waitFor(settings.rawDuration().toSeconds() + 60);
            Matcher m = RAW.matcher(child.consoleText());
            if (exit != 0 || !m.find()) {
                failures.add("the raw Paho publisher failed (exit " + exit + "): " + tail(child.consoleText()));
                return;
            }
            raw = new RawResult(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Long.parseLong(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Long.parseLong(m.group(6)));
            if (raw.failed() > 0) {
                failures.add("the raw publisher saw " + raw.failed() + " failed publishes");
            }
        }
    }

    private static Map<String, Long> reads(JsonNode status) {
        Map<String, Long> out = new HashMap<>();
        status.path("sensors").forEach(s -> out.put(s.path("name").asText(), s.path("reads").asLong()));
        return out;
    }

    private static String tail(String text) {
        return text.length() <= 3000 ? text : text.substring(text.length() - 3000);
    }
}
