package io.agrisense.platform.model.runtime;

import static io.agrisense.protocol.MetricCatalogue.AIR_TEMPERATURE;
import static io.agrisense.protocol.MetricCatalogue.ET0;
import static io.agrisense.protocol.MetricCatalogue.GDD;
import static io.agrisense.protocol.MetricCatalogue.RELATIVE_HUMIDITY;
import static io.agrisense.protocol.MetricCatalogue.WIND_SPEED;

import io.agrisense.platform.model.DegreeDayProfile;
import io.agrisense.platform.model.derived.DerivedReading;
import io.agrisense.platform.model.derived.DerivedSeries;
import io.agrisense.platform.model.StationProfiles;
import io.agrisense.platform.model.evapotranspiration.Site;
import io.agrisense.platform.store.ReadingWriter;
import io.agrisense.platform.store.StoredReading;
import io.agrisense.protocol.StationId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Models on schedule: once a station's local day is over, its growing degree days (accumulated since 1 January,
 * for the profile's crop) and FAO-56 reference evapotranspiration (needs the station's location from its status)
 * are computed from the day's readings and written through the {@link ReadingWriter} at the day's last second.
 * Runs on a worker every {@link #EVERY}; days already done are skipped, the last {@link #CATCH_UP_DAYS} days are
 * caught up after an outage, and a day that cannot be computed is logged once with the reason.
 */
public final class DailyModelsVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(DailyModelsVerticle.class);
    static final Duration EVERY = Duration.ofMinutes(15);
    static final int CATCH_UP_DAYS = 3;

    private final DataSource dataSource;
    private final ReadingWriter writer;
    private final DerivedSeries models;
    private final Clock clock;
    private final MeterProvider<Counter> runs;
    private final Set<String> reported = new LinkedHashSet<>();
    private WorkerExecutor worker;

    public DailyModelsVerticle(DataSource dataSource, ReadingWriter writer, DerivedSeries models, Clock clock,
                               MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.writer = writer;
        this.models = models;
        this.clock = clock;
        this.runs = Counter.builder("agri.daily.models")
                .description("Station days of the daily models (GDD, ET0), by outcome").withRegistry(metrics);
    }

    @Override
    public Future<?> start() {
        worker = vertx.createSharedWorkerExecutor("agri-daily-models", 1);
        vertx.setTimer(30_000, id -> runNow());
        vertx.setPeriodic(EVERY.toMillis(), id -> runNow());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        return worker == null ? Future.succeededFuture() : worker.close();
    }

    private void runNow() {
        worker.executeBlocking(() -> run(clock.instant()), false)
                .onFailure(e -> LOG.warn("Daily models did not run: {}", e.getMessage()));
    }

    /** One pass over every station; returns the number of readings written. Blocking. */
    public int run(Instant now) throws SQLException {
        refreshSites(now);
        int written = 0;
        for (StationRow s : stations()) {
            boolean gdd = StationProfiles.derivedMetrics(s.profile()).contains(GDD) && DailyModels.crop(s.profile()).isPresent();
            boolean et0 = StationProfiles.derivedMetrics(s.profile()).contains(ET0);
            if (!gdd && !et0) {
                continue;
            }
            ZoneOffset zone = DailyModels.zone();
            LocalDate today = now.atOffset(zone).toLocalDate();
            for (int back = CATCH_UP_DAYS; back >= 1; back--) {
                written += day(s, today.minusDays(back), zone, gdd, et0);
            }
        }
        return written;
    }

    private int day(StationRow s, LocalDate day, ZoneOffset zone, boolean gdd, boolean et0) throws SQLException {
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant at = end.minusSeconds(1);
        Set<String> done = stored(s.id(), at);
        boolean wantGdd = gdd && !done.contains(GDD);
        boolean wantEt0 = et0 && !done.contains(ET0) && s.site() != null;
        if (et0 && s.site() == null && !done.contains(ET0)) {
            once(s.id() + "|no-site", "ET0 for station {} skipped: its status has no location (add location: to its YAML)", s.id());
        }
        if (!wantGdd && !wantEt0) {
            return 0;
        }
        Map<String, DailyModels.Aggregate> agg = aggregates(s.id(), start, end);
        DailyModels.Outcome outcome = DailyModels.weather(day, agg.get(AIR_TEMPERATURE), agg.get(RELATIVE_HUMIDITY),
                agg.get(WIND_SPEED));
        if (outcome.weather() == null) {
            if (agg.get(AIR_TEMPERATURE) == null) {
                LOG.debug("Daily models for station {} skipped: {}", s.id(), outcome.skipped()); // station not running that day
            } else if (once(s.id() + "|" + day, "Daily models for station {} skipped: {}", s.id(), outcome.skipped())) {
                runs.withTags("outcome", "skipped").increment();
            }
            return 0;
        }
        DegreeDayProfile crop = wantGdd ? DailyModels.crop(s.profile()).orElse(null) : null;
        double before = crop == null ? 0 : accumulatedBefore(s.id(), day.withDayOfYear(1).atStartOfDay(zone).toInstant(), start);
        List<StoredReading> out = new ArrayList<>();
        for (DerivedReading d : models.deriveDaily(StationId.of(s.id()), s.profile(), outcome.weather(), crop, before,
                wantEt0 ? s.site() : null, at)) {
            if ((d.metric().equals(GDD) && wantGdd) || (d.metric().equals(ET0) && wantEt0)) {
                out.add(new StoredReading(s.id(), s.profile(), d.metric(), d.time(), d.value()));
            }
        }
        if (out.isEmpty()) {
            return 0;
        }
        writer.write(out);
        runs.withTags("outcome", "computed").increment();
        LOG.info("Daily models for station {} on {}: {}", s.id(), day,
                out.stream().map(r -> r.metric() + " " + String.format(java.util.Locale.ROOT, "%.2f", r.value())).toList());
        return out.size();
    }

    private boolean once(String key, String message, Object... args) {
        if (!reported.add(key)) {
            return false;
        }
        if (reported.size() > 10_000) {
            reported.remove(reported.iterator().next());
        }
        LOG.info(message, args);
        return true;
    }

    record StationRow(String id, String profile, Site site) {
    }

    /** Keeps the location of each station's online status in station_sites (an offline status has none). */
    private void refreshSites(Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO station_sites AS t (station_id, latitude, longitude, elevation, updated_at)
                SELECT id, (last_status->'location'->>'latitude')::float8, (last_status->'location'->>'longitude')::float8,
                       coalesce((last_status->'location'->>'elevation')::float8, 0), ?
                FROM stations
                WHERE jsonb_typeof(last_status->'location'->'latitude') = 'number'
                  AND jsonb_typeof(last_status->'location'->'longitude') = 'number'
                  AND (last_status->'location'->>'latitude')::float8 BETWEEN -90 AND 90
                  AND (last_status->'location'->>'longitude')::float8 BETWEEN -180 AND 180
                ON CONFLICT (station_id) DO UPDATE SET latitude = excluded.latitude, longitude = excluded.longitude,
                  elevation = excluded.elevation, updated_at = excluded.updated_at
                WHERE (t.latitude, t.longitude, t.elevation) IS DISTINCT FROM (excluded.latitude, excluded.longitude, excluded.elevation)""")) {
            s.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    private List<StationRow> stations() throws SQLException {
        List<StationRow> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT s.id, s.profile, t.latitude, t.longitude, t.elevation
                FROM stations s LEFT JOIN station_sites t ON t.station_id = s.id
                WHERE s.profile IS NOT NULL ORDER BY s.id""")) {
            while (rs.next()) {
                double lat = rs.getDouble(3);
                Site site = rs.wasNull() ? null : new Site(lat, rs.getDouble(4), rs.getDouble(5), false);
                if (StationId.isValid(rs.getString(1))) {
                    out.add(new StationRow(rs.getString(1), rs.getString(2), site));
                }
            }
        }
        return out;
    }

    private Set<String> stored(String station, Instant at) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT metric FROM readings WHERE station_id = ? AND metric IN ('gdd', 'et0') AND ts = ?")) {
            s.setString(1, station);
            s.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private Map<String, DailyModels.Aggregate> aggregates(String station, Instant start, Instant end) throws SQLException {
        Map<String, DailyModels.Aggregate> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT metric, min(value), max(value), avg(value), count(*), extract(epoch FROM max(ts) - min(ts))
                FROM readings WHERE station_id = ? AND metric IN ('air_temperature', 'relative_humidity', 'wind_speed')
                  AND ts >= ? AND ts < ?
                GROUP BY metric""")) {
            s.setString(1, station);
            s.setObject(2, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
            s.setObject(3, OffsetDateTime.ofInstant(end, ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new DailyModels.Aggregate(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getLong(5), Duration.ofMillis(Math.round(rs.getDouble(6) * 1000))));
                }
            }
        }
        return out;
    }

    private double accumulatedBefore(String station, Instant yearStart, Instant dayStart) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT value FROM readings WHERE station_id = ? AND metric = 'gdd' AND ts >= ? AND ts < ?
                ORDER BY ts DESC LIMIT 1""")) {
            s.setString(1, station);
            s.setObject(2, OffsetDateTime.ofInstant(yearStart, ZoneOffset.UTC));
            s.setObject(3, OffsetDateTime.ofInstant(dayStart, ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getDouble(1) : 0;
            }
        }
    }

}
