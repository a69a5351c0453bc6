package io.agrisense.bench.ingest;

import io.agrisense.platform.app.Platform;
import io.agrisense.platform.config.ConfigLoader;
import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.ingest.IngestEvents;
import io.agrisense.platform.ingest.ReadingBatch;
import io.agrisense.platform.store.StoredReading;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.vertx.core.eventbus.MessageConsumer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Phase 3, the product: the platform started in-process ({@link Platform#start}) with its default configuration
 * except where it runs (the run's broker and a fresh schema, HTTP on port 0, CoAP off, its own client id and a short
 * session expiry), and the same publishers and packs on {@code agri/v1/<station>/telemetry}. A pack counts as arrived
 * when the platform publishes its readings as committed (after the transaction and the PUBACKs); the rate is readings
 * committed per second in the measured window. At the end the {@code readings} table must hold every published
 * reading exactly once.
 */
final class PlatformPhase {

    static final Duration STALL = Duration.ofSeconds(30);

    private PlatformPhase() {
    }

    /** The platform's defaults, pointed at the run's broker and schema. */
    static PlatformConfig config(String mqttUri, String jdbcUrl, String user, String password, String clientId, Path dataDir) {
        PlatformConfig d = ConfigLoader.load(null, Map.of());
        PlatformConfig.Mqtt mqtt = new PlatformConfig.Mqtt(mqttUri, 0, "127.0.0.1", clientId, null,
                d.mqtt().receiveMaximum(), Duration.ofMinutes(1), d.mqtt().keepAlive());
        PlatformConfig.Http http = new PlatformConfig.Http("127.0.0.1", 0, d.http().bodyLimitBytes(), d.http().sseKeepAlive(),
                d.http().sseQueueBytes(), d.http().ingestTimeout());
        PlatformConfig.Coap coap = new PlatformConfig.Coap(false, "127.0.0.1", 0, d.coap().maxBodyBytes());
        return new PlatformConfig(d.database().withUrl(jdbcUrl, user, password), mqtt, http, coap, d.ingest(), dataDir,
                d.alerts());
    }

    static PhaseResult run(PlatformConfig config, PackSchedule schedule, LoadSettings load, String runId) throws Exception {
        DeliveryLedger ledger = new DeliveryLedger(load.stations(), load.readingsPerPack(), load.maxOutstandingPacks());
        AtomicLong committed = new AtomicLong();
        AtomicLong committedPacks = new AtomicLong();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (Platform platform = Platform.start(config, Platform.Extensions.none())) {
            MessageConsumer<ReadingBatch> consumer = platform.vertx().eventBus().localConsumer(IngestEvents.READINGS_COMMITTED,
                    m -> noteCommitted(m.body(), schedule, ledger, committed, committedPacks));
            consumer.completion().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            SteadyState.Rates rates;
            try (LoadGenerator generator = new LoadGenerator(platform.mqttUri(), runId + "-plat", load.publishers(),
                    load.maxInFlight(), schedule, ledger, s -> Topics.telemetry(StationId.of(schedule.stationId(s))),
                    load.packsPerSecond())) {
                generator.start();
                rates = SteadyState.measure(committedPacks::get, committed::get, load.warmup(), load.duration(), ledger::measuring);
                generator.stop();
                if (generator.failure() != null) {
                    problems.add("publishing failed: " + generator.failure().getMessage());
                }
            }
            if (!ledger.awaitAll(STALL)) {
                problems.add("not every pack was committed within " + STALL.toSeconds() + " s of the last commit");
            }
            problems.addAll(RawBrokerPhase.firstFew(ledger.missing(schedule)));
            if (ledger.duplicates() > 0) {
                problems.add(ledger.duplicates() + " packs were reported committed twice");
            }
            long published = ledger.publishedPacks() * load.readingsPerPack();
            Stored stored = Stored.count(platform.database().dataSource(), schedule);
            if (stored.measured() != published) {
                problems.add("the readings table holds " + stored.measured() + " of the " + published
                        + " published readings (" + (stored.measured() > published ? "extra rows" : "readings lost") + ")");
            }
            if (committed.get() != published) {
                problems.add("the platform reported " + committed.get() + " readings committed, " + published + " were published");
            }
            if (stored.rejected() > 0) {
                problems.add(stored.rejected() + " readings of this run were rejected");
            }
            notes.addAll(platformNotes(platform.metrics().scrape(), stored));
            return new PhaseResult("Platform", rates.messagesPerSecond(), rates.readingsPerSecond(),
                    ledger.lag().count() == 0 ? null : ledger.lag().summary(), published, stored.measured(), problems, notes);
        }
    }

    /** Runs on a Vert.x event loop after each commit: counts this run's readings and marks their packs arrived. */
    private static void noteCommitted(ReadingBatch batch, PackSchedule schedule, DeliveryLedger ledger, AtomicLong committed,
                                      AtomicLong committedPacks) {
        long now = System.nanoTime();
        for (StoredReading r : batch.readings()) {
            int station = schedule.stationIndex(r.station());
            long reading = station < 0 ? -1 : schedule.readingNumber(r.metric(), r.time().toEpochMilli());
            if (reading < 0) {
                continue; // another station's, or a derived series (dew point, VPD) the platform computed
            }
            committed.incrementAndGet();
            if (schedule.firstOfPack(reading)) {
                committedPacks.incrementAndGet();
                ledger.arrived(station, schedule.packOf(reading), now);
            }
        }
    }

    private static List<String> platformNotes(String metrics, Stored stored) {
        return List.of(
                String.format(Locale.ROOT, "mean batch: %.0f messages, %.0f readings, commit %.1f ms (whole platform, from /metrics)",
                        MetricsText.mean(metrics, "agri_ingest_batch_messages"), MetricsText.mean(metrics, "agri_ingest_batch_readings"),
                        MetricsText.mean(metrics, "agri_ingest_commit_seconds") * 1000),
                String.format(Locale.ROOT, "redelivered readings the platform recognised as duplicates: %.0f",
                        MetricsText.sum(metrics, "agri_readings_duplicate_total")),
                String.format(Locale.ROOT, "derived readings (dew point, VPD, ...) the platform computed and stored for these stations: %d"
                                + " (dropped when the database fell behind: %.0f)", stored.derived(),
                        MetricsText.labelled(metrics, "agri_derived_readings_total", "{outcome=\"dropped\"}")));
    }

    /** What the platform's tables hold for this run's stations. */
    record Stored(long measured, long derived, long rejected) {

        static Stored count(DataSource dataSource, PackSchedule schedule) throws SQLException {
            String stations = schedule.stationPrefix() + "-%";
            try (Connection c = dataSource.getConnection()) {
                java.sql.Array metrics = c.createArrayOf("text", PackSchedule.metricNames().toArray());
                return new Stored(
                        count(c, "SELECT count(*) FROM readings WHERE station_id LIKE ? AND metric = ANY(?)", stations, metrics),
                        count(c, "SELECT count(*) FROM readings WHERE station_id LIKE ? AND NOT metric = ANY(?)", stations, metrics),
                        count(c, "SELECT count(*) FROM rejected_readings WHERE station_id LIKE ?", stations, null));
            }
        }

        private static long count(Connection c, String sql, String stations, java.sql.Array metrics) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, stations);
                if (metrics != null) {
                    ps.setArray(2, metrics);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }
}
