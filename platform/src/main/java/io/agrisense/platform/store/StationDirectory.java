package io.agrisense.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Read side of {@code stations} and {@code latest_readings} for the API. Blocking: call from a worker. */
public final class StationDirectory {

    private static final String COLUMNS = """
            id, profile, name, agent_version, status, status_time, first_seen, last_seen, reading_count, rejected_count""";

    private final DataSource dataSource;

    public StationDirectory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A station as the platform knows it; {@code status} is "online", "offline" or "unknown" (no status message yet). */
    public record StationInfo(String id, String profile, String name, String agentVersion, String status,
                              Instant statusTime, Instant firstSeen, Instant lastSeen, long readingCount, long rejectedCount) {
    }

    public record LatestValue(String metric, Instant time, double value) {
    }

    public List<StationInfo> list() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM stations ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            List<StationInfo> out = new ArrayList<>();
            while (rs.next()) {
                out.add(station(rs));
            }
            return out;
        }
    }

    /** How many stations are online, offline and unknown (no status message yet). */
    public Map<String, Long> countByStatus() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT coalesce(status, 'unknown'), count(*) FROM stations GROUP BY 1");
             ResultSet rs = ps.executeQuery()) {
            Map<String, Long> out = new HashMap<>(Map.of("online", 0L, "offline", 0L, "unknown", 0L));
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
            return out;
        }
    }

    public Optional<StationInfo> find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM stations WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(station(rs)) : Optional.empty();
            }
        }
    }

    public List<LatestValue> latest(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT metric, ts, value FROM latest_readings WHERE station_id = ? ORDER BY metric")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                List<LatestValue> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new LatestValue(rs.getString(1), instant(rs, 2), rs.getDouble(3)));
                }
                return out;
            }
        }
    }

    private static StationInfo station(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        return new StationInfo(rs.getString("id"), rs.getString("profile"), rs.getString("name"),
                rs.getString("agent_version"), status == null ? "unknown" : status, instant(rs, "status_time"),
                instant(rs, "first_seen"), instant(rs, "last_seen"), rs.getLong("reading_count"), rs.getLong("rejected_count"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
