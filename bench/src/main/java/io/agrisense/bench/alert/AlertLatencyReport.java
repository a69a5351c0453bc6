package io.agrisense.bench.alert;

import io.agrisense.bench.common.LatencyRecorder;
import io.agrisense.bench.common.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the alert-latency report: what was measured, the load, the raw broker limit next to the product, and the checks. */
final class AlertLatencyReport {

    /** The goal for reading-to-alert latency. */
    static final double GOAL_P99_MS = 100;

    private AlertLatencyReport() {
    }

    /** The reasons the run failed; empty when it passed. */
    static List<String> failures(ProbeTally t, RunFacts f) {
        List<String> out = new ArrayList<>();
        if (t.measuredCycles == 0) {
            out.add("no measured probe cycle (is --duration longer than the cycles take?)");
        }
        if (t.failedCycles() > 0) {
            out.add(t.failedCycles() + " of " + t.cycles + " probe cycles missed or garbled an alert, resolution or tap message");
        }
        if (!f.everyReadingStored()) {
            out.add("background readings: " + f.readingsPublished() + " published, " + f.readingsAcked() + " acknowledged by the broker, "
                    + f.packsFailed() + " packs failed, " + f.readingsStored() + " stored");
        }
        if (!f.loadReached()) {
            out.add(String.format(Locale.ROOT, "the background load reached %.0f readings/s, not the %d asked for",
                    f.achievedReadingsPerSecond(), f.load().readingsPerSecond()));
        }
        return out;
    }

    static Report write(Report r, ProbeTally t, RunFacts f) {
        List<String> failures = failures(t, f);
        r.line("What: reading->alert latency of the platform's alert engine under ingest load. Each of " + f.probes()
                + " probe stations publishes a `dissolved_oxygen` reading below 3.0 mg/L (SenML JSON, QoS 1) and times, with"
                + " `System.nanoTime()` in this JVM from just before the publish, the arrival of the platform's firing alert on MQTT"
                + " `agri/v1/<station>/alerts` (Paho subscriber) and on SSE `/api/v1/stream?station=<station>`; then it publishes a"
                + " reading above 3.5 mg/L and times the resolution the same way. The rule `" + f.ruleId() + "` (threshold, below 3.0,"
                + " clear 3.5, critical, no for-duration, scope profile `" + f.profile() + "`) was installed with `POST /api/v1/rules`."
                + " Raw limit in the same run: a plain subscriber on the probe's telemetry topic receives the same message"
                + " through the same broker under the same load.");
        r.blank();
        r.line("Platform in-process with its shipped settings (ingest group commit: a batch takes what is queued, alerts stored before they are published;"
                + " logging at WARN), " + f.servers() + ". The load generator, probes and subscribers share this JVM and the"
                + " machine's cores with the platform.");
        r.blank();
        r.line(String.format(Locale.ROOT, "Load: %d background stations, %d readings per pack, %d readings/s asked, %.0f readings/s"
                        + " acknowledged by the broker during the measurement, over %d MQTT connection(s). Probes: %d, %s, %s pause"
                        + " between cycles, %s timeout per alert. Warm-up %s, measured %s.",
                f.load().stations(), f.load().readingsPerPack(), f.load().readingsPerSecond(), f.achievedReadingsPerSecond(),
                f.connections(), f.probes(), f.requestedCycles() > 0 ? f.requestedCycles() + " measured cycles each" : "cycling for the duration",
                text(f.pause()), text(f.timeout()), text(f.warmup()), text(f.measured())));
        if (f.foreignReadings() > 0) {
            r.line("The broker is shared: the platform also ingested " + f.foreignReadings() + " readings of other stations on it during the run.");
        }
        r.blank();
        if (!failures.isEmpty()) {
            r.line("**FAILED** - the latencies below are not valid figures:");
            failures.forEach(x -> r.line("- " + x));
            t.failures().forEach(x -> r.line("  - " + x));
            r.blank();
        }
        r.line(LatencyRecorder.Summary.markdownHeader());
        row(r, "raw: broker publish->subscribe, the low reading", t.brokerLow);
        row(r, "reading -> firing alert on MQTT", t.mqttFiring);
        row(r, "reading -> firing alert on SSE", t.sseFiring);
        row(r, "platform's own latency_ms (receipt -> decision, its clock)", t.platformDecision);
        row(r, "raw: broker publish->subscribe, the recovering reading", t.brokerRecovery);
        row(r, "recovering reading -> resolution on MQTT", t.mqttResolved);
        row(r, "recovering reading -> resolution on SSE", t.sseResolved);
        r.blank();
        if (failures.isEmpty()) {
            r.line(goal("MQTT", t.mqttFiring) + " " + goal("SSE", t.sseFiring) + " " + overBroker(t));
            r.blank();
        }
        r.line(String.format(Locale.ROOT, "Checks (every cycle, warm-up included): %d cycles; firing alerts received %d on MQTT and %d on SSE,"
                        + " %d cycles with the triggering value in every copy; resolutions %d on MQTT and %d on SSE, %d with the"
                        + " recovering value, %d of the alert that fired; broker tap %d of %d probe readings (%d unexpected)."
                        + " Stray alerts %d, unreadable %d. Background: %d readings published, %d acknowledged by the broker, %d packs failed,"
                        + " %d stored in PostgreSQL. Result: %s.",
                t.cycles, t.mqttFiringReceived, t.sseFiringReceived, t.firingValueRight, t.mqttResolvedReceived, t.sseResolvedReceived,
                t.resolveValueRight, t.sameAlertResolved, t.brokerReceived, 2 * t.cycles, f.tapUnexpected(), f.strayAlerts(), f.unreadableAlerts(),
                f.readingsPublished(), f.readingsAcked(), f.packsFailed(), f.readingsStored(), failures.isEmpty() ? "PASS" : "FAIL"));
        return r;
    }

    private static void row(Report r, String label, LatencyRecorder recorder) {
        if (recorder.count() == 0) {
            r.line("| " + label + " | 0 | - | - | - | - | - |");
        } else {
            r.line(recorder.summary().markdownRow(label));
        }
    }

    private static String goal(String channel, LatencyRecorder recorder) {
        if (recorder.count() == 0) {
            return channel + ": no samples.";
        }
        long p99 = recorder.summary().p99();
        return String.format(Locale.ROOT, "Goal p99 < %.0f ms on %s: %s ms, %s.", GOAL_P99_MS, channel,
                LatencyRecorder.Summary.millis(p99), p99 < GOAL_P99_MS * 1e6 ? "met" : "NOT met");
    }

    private static String overBroker(ProbeTally t) {
        if (t.brokerLow.count() == 0 || t.mqttFiring.count() == 0) {
            return "";
        }
        LatencyRecorder.Summary broker = t.brokerLow.summary();
        LatencyRecorder.Summary mqtt = t.mqttFiring.summary();
        return "Over the raw broker hop, the platform adds " + LatencyRecorder.Summary.millis(mqtt.p50() - broker.p50()) + " ms at p50 and "
                + LatencyRecorder.Summary.millis(mqtt.p99() - broker.p99()) + " ms at p99 (MQTT).";
    }

    static String text(java.time.Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
