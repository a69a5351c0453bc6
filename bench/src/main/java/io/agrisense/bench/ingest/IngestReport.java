package io.agrisense.bench.ingest;

import io.agrisense.bench.common.LatencyRecorder;
import io.agrisense.bench.common.Report;
import java.util.List;
import java.util.Locale;

/** Lays the three phases side by side: rates, share of the lower raw limit, exact-count verdict, lag and notes. */
final class IngestReport {

    static final String TITLE = "Platform ingest throughput (MQTT to PostgreSQL)";

    private IngestReport() {
    }

    /** What the run was, for the lines above the table. */
    record Setup(String broker, String database, int packBytes, String rate) {
    }

    static Report build(String command, LoadSettings load, Setup setup, PhaseResult broker, PhaseResult database,
                        PhaseResult platform) {
        Report report = new Report(TITLE, command);
        report.line("Three phases, one after the other, on the same broker and database: (1) the raw broker limit, Paho"
                        + " MQTT 5 QoS 1 publishers to one subscriber that only notes each pack; (2) the raw PostgreSQL limit,"
                        + " multi-row `unnest` INSERTs of the same readings into a bare table with the `readings` key;"
                        + " (3) the platform in-process (`Platform.start`, default configuration, fresh schema) fed by the"
                        + " same publishers, counted when it publishes the readings as committed. Rates are over the measured"
                        + " window after the warm-up; counts are exact over the whole phase.")
                .blank()
                .line(String.format(Locale.ROOT, "Load: %d stations, %d readings per SenML JSON pack (%d bytes, %d metrics"
                                + " sampled together, distinct times), %d publisher connections, QoS 1; the raw phases as fast as"
                                + " they go, the platform %s; at most %d packs between publish and commit (raw broker: %d"
                                + " between publish and arrival). Warm-up %d s, measured %d s per phase. Load generator,"
                                + " subscriber and platform share one JVM.",
                        load.stations(), load.readingsPerPack(), setup.packBytes(), PackSchedule.METRICS.size(),
                        load.publishers(), setup.rate(), load.maxOutstandingPacks(), load.rawOutstandingPacks(), load.warmup().toSeconds(),
                        load.duration().toSeconds()))
                .blank()
                .line("Broker: " + setup.broker() + ". Database: " + setup.database() + ".")
                .blank();
        double lowerRaw = lowerVerifiedRawLimit(broker, database);
        report.line("| phase | messages/s | readings/s | % of lower raw limit | exact count |")
                .line("|---|---:|---:|---:|---|");
        report.line(row("Raw broker: publishers to one subscriber", broker, lowerRaw));
        report.line(row("Raw PostgreSQL: unnest INSERT, one connection", database, lowerRaw));
        report.line(row("Platform: MQTT to committed readings", platform, lowerRaw));
        report.blank();
        if (broker.verified() != database.verified()) {
            report.line("Only one raw limit was verified; the share is of that one.").blank();
        }
        if (broker.lag() != null || platform.lag() != null) {
            report.line("Lag of the packs that arrived in the measured window:").blank()
                    .line(LatencyRecorder.Summary.markdownHeader());
            if (broker.lag() != null) {
                report.line(broker.lag().markdownRow("raw broker, full speed: publish to subscriber"));
            }
            if (platform.lag() != null) {
                report.line(platform.lag().markdownRow("platform, " + setup.rate() + ": publish to committed"));
            }
            report.blank();
            report.line("At full speed the generator keeps the outstanding window full, so a lag there is mostly"
                    + " queueing (window / rate); `--rate` gives the platform's lag at a given load.").blank();
        }
        for (PhaseResult phase : List.of(broker, database, platform)) {
            for (String note : phase.notes()) {
                report.line("- " + phase.name() + ": " + note);
            }
        }
        report.blank();
        boolean ok = broker.verified() && database.verified() && platform.verified();
        boolean brokerShed = broker.arrivedReadings() < broker.sentReadings();
        report.line(!ok ? "Result: FAILED."
                : brokerShed ? "Result: verified: the platform stored every published reading exactly once, and the raw"
                        + " PostgreSQL table every row; the raw broker phase lost packs at full speed (its warning above)."
                : "Result: every phase verified (every published reading arrived or was stored exactly once).");
        for (PhaseResult phase : List.of(broker, database, platform)) {
            for (String problem : phase.problems()) {
                report.line("- " + phase.name() + " FAILED: " + problem);
            }
        }
        return report;
    }

    /** The lower of the raw limits whose exact count held; NaN when neither held. */
    static double lowerVerifiedRawLimit(PhaseResult broker, PhaseResult database) {
        double lower = Double.NaN;
        for (PhaseResult raw : List.of(broker, database)) {
            if (raw.verified() && (Double.isNaN(lower) || raw.readingsPerSecond() < lower)) {
                lower = raw.readingsPerSecond();
            }
        }
        return lower;
    }

    static String row(String label, PhaseResult phase, double lowerRaw) {
        if (!phase.verified()) {
            return "| " + label + " | FAILED | FAILED | | " + phase.problems().size() + " problem(s), see below |";
        }
        return "| " + label + " | " + (Double.isNaN(phase.messagesPerSecond()) ? "-" : number(phase.messagesPerSecond()))
                + " | " + number(phase.readingsPerSecond()) + " | "
                + (Double.isNaN(lowerRaw) || lowerRaw <= 0 ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100 * phase.readingsPerSecond() / lowerRaw))
                + " | " + String.format(Locale.ROOT, "%,d of %,d readings", phase.arrivedReadings(), phase.sentReadings()) + " |";
    }

    static String number(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }
}
