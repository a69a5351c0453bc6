package io.agrisense.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads one series (station + metric) over [from, to): raw points, or buckets of {@code step} aligned to
 * 2000-01-01T00:00Z with {@code date_bin} (plain) or {@code time_bucket} (TimescaleDB). Blocking.
 */
public final class SeriesReader {

    /** Bucket boundaries are multiples of the step since this instant (both functions agree on it). */
    public static final String ORIGIN = "TIMESTAMPTZ '2000-01-01 00:00:00+00'";

    private final DataSource dataSource;
    private final StorageMode mode;

    public SeriesReader(DataSource dataSource, StorageMode mode) {
        this.dataSource = dataSource;
        this.mode = mode;
    }

    public record Point(Instant time, double value) {
    }

    /** Raw points in time order, at most {@code limit} (the caller asks for one more to detect truncation). */
    public List<Point> raw(String station, String metric, Instant from, Instant to, int limit) throws SQLException {
        String sql = """
                SELECT ts, value FROM readings
                WHERE station_id = ? AND metric = ? AND ts >= ? AND ts < ?
                ORDER BY ts LIMIT ?""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bindSeries(ps, station, metric, from, to, 1);
            ps.setInt(5, limit);
            return points(ps);
        }
    }

    /** One point per non-empty bucket, labelled with the bucket's start. */
    public List<Point> buckets(String station, String metric, Instant from, Instant to, Duration step, Aggregate agg)
            throws SQLException {
        String sql = "SELECT " + mode.bucketFunction() + "(?::interval, ts, " + ORIGIN + ") AS bucket, " + agg.sql()
                + " FROM readings WHERE station_id = ? AND metric = ? AND ts >= ? AND ts < ?"
                + " GROUP BY bucket ORDER BY bucket";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, step.toSeconds() + " seconds");
            bindSeries(ps, station, metric, from, to, 2);
            return points(ps);
        }
    }

    private static void bindSeries(PreparedStatement ps, String station, String metric, Instant from, Instant to, int first)
            throws SQLException {
        ps.setString(first, station);
        ps.setString(first + 1, metric);
        ps.setObject(first + 2, from.atOffset(ZoneOffset.UTC));
        ps.setObject(first + 3, to.atOffset(ZoneOffset.UTC));
    }

    private static List<Point> points(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<Point> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Point(StationDirectory.instant(rs, 1), rs.getDouble(2)));
            }
            return out;
        }
    }
}
