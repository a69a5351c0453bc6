package io.agrisense.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Read side of {@code rejected_readings}: what operators look at to see why readings are missing. Blocking. */
public final class RejectedReadings {

    private final DataSource dataSource;

    public RejectedReadings(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record RejectedRow(long id, Instant receivedAt, String station, String metric, Instant time, Double value,
                              String reasonCode, String reason, String source, String payloadExcerpt) {
    }

    /** Newest first; {@code station} and {@code reasonCode} are optional filters. */
    public List<RejectedRow> recent(String station, String reasonCode, int limit) throws SQLException {
        String sql = "SELECT id, received_at, station_id, metric, ts, value, reason_code, reason, source, payload_excerpt"
                + " FROM rejected_readings WHERE (?::text IS NULL OR station_id = ?) AND (?::text IS NULL OR reason_code = ?)"
                + " ORDER BY id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, station);
            ps.setString(2, station);
            ps.setString(3, reasonCode);
            ps.setString(4, reasonCode);
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<RejectedRow> out = new ArrayList<>();
                while (rs.next()) {
                    double v = rs.getDouble("value");
                    Double value = rs.wasNull() ? null : v;
                    out.add(new RejectedRow(rs.getLong("id"), StationDirectory.instant(rs, "received_at"),
                            rs.getString("station_id"), rs.getString("metric"), StationDirectory.instant(rs, "ts"), value,
                            rs.getString("reason_code"), rs.getString("reason"), rs.getString("source"),
                            rs.getString("payload_excerpt")));
                }
                return out;
            }
        }
    }
}
