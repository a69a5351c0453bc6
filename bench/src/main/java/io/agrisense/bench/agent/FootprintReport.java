package io.agrisense.bench.agent;

import io.agrisense.bench.common.LatencyRecorder;
import io.agrisense.bench.common.Report;
import io.agrisense.config.Quantities;
import io.agrisense.protocol.MetricCatalogue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a {@link FootprintRun}'s figures into the Markdown report, failures first. */
final class FootprintReport {

    private final FootprintRun run;
    private final Report report;

    FootprintReport(FootprintRun run, Report report) {
        this.run = run;
        this.report = report;
    }

    void write(String brokerLabel) {
        FootprintRun.Settings s = run.settings;
        StationLayout layout = run.layout;
        if (run.failures.isEmpty()) {
            report.line("**Result: PASS** — the agent sustained the load, and every reading it produced (including "
                    + "those produced while the link was down) arrived exactly once, QoS 1 copies aside.").blank();
        } else {
            report.line("**Result: FAILED**").blank();
            run.failures.forEach(f -> report.line("- " + f));
            report.blank();
        }
        report.line("What: the real edge agent in a child JVM (`" + run.launchedAs + "`), simulated hardware (the real "
                + "drivers over the simulated I2C bus), publishing SenML JSON at QoS 1 to " + brokerLabel
                + " through a loopback TCP relay that the benchmark cuts for the outage. A Paho subscriber connected "
                + "straight to the broker decodes every pack and keys each reading by (metric, time), as the platform does.")
                .blank();
        report.line("Load: 1 station, " + layout.sensors().size() + " sensors (" + types(layout) + ") each every "
                + Quantities.format(s.interval()) + ": " + layout.readingsPerRound() + " readings per round, "
                + f1(layout.readingsPerSecond()) + " readings/s; plus the agent's health readings every 5 s. Warm-up "
                + Quantities.format(s.warmup()) + ", steady " + Quantities.format(s.steady()) + ", outage "
                + Quantities.format(s.outage()) + ", raw limit " + Quantities.format(s.rawDuration()) + ".").blank();
        steady();
        outage();
        exactness();
        rawLimit();
    }

    private void steady() {
        PhaseMeter.Phase p = run.steady;
        GcLog.Summary gc = run.gc.between(run.steadyFromUptime, run.steadyToUptime);
        double expected = run.layout.readingsPerSecond();
        report.line("### Steady state (" + f0(p.seconds()) + " s)").blank();
        report.line("| | value |").line("|---|---:|");
        row("readings/s expected (sensors x metrics / interval)", f1(expected));
        row("readings/s received (distinct, by arrival)", f1(run.steadyArrivals / p.seconds())
                + " (" + f1(100.0 * run.steadyArrivals / p.seconds() / expected) + " %)");
        row("messages/s, readings per message", f1(run.steadyMessages / p.seconds()) + ", "
                + f1(run.steadyMessages == 0 ? 0 : (double) run.steadyArrivals / run.steadyMessages));
        if (run.latency != null) {
            row("delivery latency, reading time to subscriber p50 / p99 / max (ms)",
                    LatencyRecorder.Summary.millis(run.latency.p50()) + " / " + LatencyRecorder.Summary.millis(run.latency.p99())
                            + " / " + LatencyRecorder.Summary.millis(run.latency.max()));
        }
        row("sensors reading on schedule", (run.steadyReadsBySensor.size() - run.offSchedule().size()) + " of "
                + run.steadyReadsBySensor.size() + " (" + f0(run.expectedSteadyReads()) + " reads expected each)");
        row("agent queue at the end (records)", Long.toString(run.queueAtSteadyEnd));
        row("child RSS mean / max (VmRSS)", mb(p.meanRssKb()) + " / " + mb(p.maxRssKb()));
        row("heap after GC max / last (" + run.gc.collector() + ")", gc.pauses() == 0 ? "no collection in the window"
                : mb(gc.maxAfterKb()) + " / " + mb(gc.lastAfterKb()) + " of -Xmx" + run.settings.xmx());
        row("GC pauses: count, total, longest", gc.pauses() + ", " + f1(gc.totalMillis()) + " ms ("
                + f2(100 * gc.totalMillis() / 1000 / p.seconds()) + " % of wall time), " + f1(gc.maxMillis()) + " ms");
        row("CPU (utime+stime / wall, % of one core)", f1(p.cpuPercent()) + " %");
        report.blank();
        report.line("Per sensor type (reads in the steady window; every metric of a read is one reading):").blank();
        report.line("| type | sensors | metrics per read | reads min | reads max |").line("|---|---:|---|---:|---:|");
        Map<String, List<StationLayout.Sensor>> byType = run.layout.sensors().stream()
                .collect(Collectors.groupingBy(StationLayout.Sensor::type, LinkedHashMap::new, Collectors.toList()));
        byType.forEach((type, sensors) -> {
            var reads = sensors.stream().mapToLong(x -> run.steadyReadsBySensor.getOrDefault(x.name(), 0L)).summaryStatistics();
            report.line("| " + type + " | " + sensors.size() + " | " + String.join(", ", sensors.get(0).metrics()) + " | "
                    + reads.getMin() + " | " + reads.getMax() + " |");
        });
        run.offSchedule().stream().limit(10).forEach(x -> report.line("- off schedule: " + x));
        report.blank();
    }

    private void outage() {
        PhaseMeter.Phase o = run.outage;
        PhaseMeter.Phase r = run.recovery;
        GcLog.Summary gc = run.gc.between(run.outageFromUptime, run.recoveryToUptime);
        report.line("### Link outage and recovery").blank();
        report.line("| | value |").line("|---|---:|");
        row("link cut (relay closed the connection; reconnections refused)", f0(o.seconds()) + " s ("
                + run.refusedConnections + " refused)");
        row("sensor readings stamped during the outage", run.stampedDuringOutage
                + (run.problems.isEmpty() ? " (all arrived, see below)" : " (NOT all verified, see below)"));
        row("agent queue peak (its own health readings, every 5 s)",
                f0(run.ledger.maxValue(MetricCatalogue.AGENT_QUEUE_RECORDS)) + " records, "
                        + mb(run.ledger.maxValue(MetricCatalogue.AGENT_QUEUE_BYTES) / 1024) + " on disk");
        row("reconnect: link restored to the first reading arriving (agent's back-off: 0.5 s doubling to 10 s)",
                f1(run.reconnectSeconds) + " s");
        row("drain: link restored to the last reading stamped before it arriving", f1(run.drainSeconds) + " s");
        row("child RSS max, outage / recovery", mb(o.maxRssKb()) + " / " + mb(r.maxRssKb()));
        row("CPU, outage / recovery (% of one core)", f1(o.cpuPercent()) + " % / " + f1(r.cpuPercent()) + " %");
        row("heap after GC max, outage + recovery", gc.pauses() == 0 ? "no collection" : mb(gc.maxAfterKb()));
        row("GC pauses, outage + recovery: count, total, longest", gc.pauses() + ", " + f1(gc.totalMillis()) + " ms, "
                + f1(gc.maxMillis()) + " ms");
        report.blank();
    }

    private void exactness() {
        GcLog.Summary all = run.gc.between(0, Double.MAX_VALUE);
        report.line("### Every reading, exactly (whole run)").blank();
        report.line("Sampling is frozen at the end (every sensor's interval set to 1d by command), so the agent's own "
                + "per-sensor read counters are final; produced = reads x metrics per read.").blank();
        report.line("| | value |").line("|---|---:|");
        row("sensor readings produced (agent's counters)", Long.toString(run.produced));
        row("distinct sensor readings received", run.problems.isEmpty() ? run.received + " (all, none extra)"
                : "FAILED: " + run.received + " — " + String.join("; ", run.problems));
        row("exact QoS 1 copies received (counted apart)", Long.toString(run.ledger.exactCopies()));
        row("conflicting copies / out of order", run.ledger.conflicts() + " / " + run.ledger.outOfOrder());
        row("health and event readings received (not counted above)", Long.toString(run.ledger.otherReadings()));
        row("agent: dropped readings / sensor errors / rejected records",
                run.finalStatus.path("queue").path("dropped_readings").asLong() + " / "
                        + sensorErrors() + " / " + run.finalStatus.path("uplink").path("records_rejected").asLong());
        row("OutOfMemoryError in the child's output", run.outOfMemory ? "FAILED: yes" : "none");
        row("child peak RSS (VmHWM), whole run", mb(run.peakRssKb));
        row("heap after GC max, whole run", mb(all.maxAfterKb()) + " (" + all.pauses() + " pauses, longest "
                + f1(all.maxMillis()) + " ms)");
        run.ledger.firstProblems().forEach(x -> report.line("- e.g. " + x));
        report.blank();
    }

    private void rawLimit() {
        report.line("### Raw limit, same run").blank();
        FootprintRun.RawResult raw = run.raw;
        if (raw == null) {
            report.line("FAILED: the raw publisher did not run to the end (see the failures above).").blank();
            return;
        }
        double agentMsgs = run.steadyMessages / run.steady.seconds();
        double agentReadings = run.steadyArrivals / run.steady.seconds();
        double rawCpu = 100.0 * raw.cpuTicks() / run.ticksPerSecond / raw.seconds();
        report.line("Plain Paho QoS 1 publishing in a child JVM with the same " + run.settings.jvm()
                + ", through the same relay and broker, packs of " + run.rawReadingsPerPack + " reading(s) ("
                + raw.bytes() + " bytes, SenML JSON), window " + raw.window() + " (the agent's, capped by the broker).")
                .blank();
        report.line("| | agent, steady | raw Paho publisher | headroom |").line("|---|---:|---:|---:|");
        report.line("| messages/s | " + f1(agentMsgs) + " | " + f0(raw.perSecond()) + " | "
                + f0(raw.perSecond() / Math.max(agentMsgs, 1e-9)) + "x |");
        report.line("| readings/s | " + f1(agentReadings) + " | " + f0(raw.perSecond() * run.rawReadingsPerPack) + " | "
                + f0(raw.perSecond() * run.rawReadingsPerPack / Math.max(agentReadings, 1e-9)) + "x |");
        report.line("| CPU (% of one core) | " + f1(run.steady.cpuPercent()) + " | " + f1(rawCpu) + " | |");
        report.blank();
        report.line("The raw rate is what this machine, broker and client library allow one " + run.settings.jvm()
                + " JVM at full speed. The headroom compares that uplink path with what the agent needs; it leaves out "
                + "the agent's own sampling, disk queue and packing, whose cost is the steady CPU figure.").blank();
    }

    private long sensorErrors() {
        long n = 0;
        for (var s : run.finalStatus.path("sensors")) {
            n += s.path("errors").asLong();
        }
        return n;
    }

    private static String types(StationLayout layout) {
        return layout.countByType().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private void row(String label, String value) {
        report.line("| " + label + " | " + value + " |");
    }

    private static String mb(double kb) {
        return Double.isNaN(kb) ? "n/a" : String.format(Locale.ROOT, "%.1f MB", kb / 1024);
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
