package io.agrisense.platform.alert.runtime;

import io.agrisense.platform.alert.Alert;
import io.agrisense.platform.alert.AlertState;
import io.agrisense.platform.alert.AlertTransition;
import io.agrisense.platform.alert.Severity;
import io.agrisense.protocol.StationId;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code alerts}, {@code alert_events} and {@code alert_deliveries} tables and the engine's saved state.
 * Writes take the journal's connection (one transaction per group of changes); reads open their own.
 */
public final class AlertStore {

    static final String ACTIVE_STATES = "('firing', 'acknowledged')";

    private static final String COLUMNS = """
            id, rule_id, rule_name, station_id, metric, severity, state, started_at, fired_at, trigger_value, trigger_time,
            trigger_received_at, latency_ms, worst_value, message, acknowledged_at, acknowledged_by, resolved_at,
            resolve_value, resolve_reason, command_id, command::text, command_status, command_reply::text,
            command_replied_at, updated_at""";

    private static final String SUPERSEDE = """
            UPDATE alerts SET state = 'resolved', resolved_at = ?, resolve_reason = ?, updated_at = ?
            WHERE rule_id = ? AND station_id = ? AND metric = ? AND state IN ('firing', 'acknowledged') AND id <> ?""";

    private static final String INSERT_FIRING = """
            INSERT INTO alerts (id, rule_id, rule_name, station_id, metric, severity, state, started_at, fired_at,
              trigger_value, trigger_time, trigger_received_at, latency_ms, worst_value, message, command_id, command,
              command_status, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, 'firing', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
            ON CONFLICT (id) DO NOTHING""";

    private static final String ACKNOWLEDGE = """
            UPDATE alerts SET state = 'acknowledged', acknowledged_at = ?, acknowledged_by = ?, worst_value = ?, updated_at = ?
            WHERE id = ? AND state = 'firing'""";

    private static final String RESOLVE = """
            UPDATE alerts SET state = 'resolved', resolved_at = ?, resolve_value = ?, resolve_reason = ?, worst_value = ?,
              acknowledged_at = coalesce(acknowledged_at, ?), acknowledged_by = coalesce(acknowledged_by, ?), updated_at = ?
            WHERE id = ? AND state IN ('firing', 'acknowledged')""";

    private static final String INSERT_EVENT = """
            INSERT INTO alert_events (id, alert_id, state, at, reason, latency_ms, payload) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""";

    private static final String INSERT_DELIVERY = """
            INSERT INTO alert_deliveries (event_id, channel, target, payload, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""";

    private final DataSource dataSource;

    public AlertStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** One transition as it was written: the stored alert, its event and the deliveries it queued. */
    public record Written(AlertRecord record, UUID eventId, String reason, JsonObject notification,
                          List<Delivery> deliveries, DecidedTransition decided) {
    }

    // ---- writes, inside the journal's transaction ------------------------------------------------------------

    /** Stores a transition, its event and its outbox rows; the caller commits. */
    Written write(Connection c, DecidedTransition d, DeliveryPlanner planner, Instant now) throws SQLException {
        AlertTransition t = d.transition();
        Alert a = t.alert();
        AlertRecord.Command command = null;
        switch (t.state()) {
            case FIRING -> {
                try (PreparedStatement s = c.prepareStatement(SUPERSEDE)) {
                    set(s, 1, now);
                    s.setString(2, "superseded by alert " + a.id());
                    set(s, 3, now);
                    s.setString(4, a.ruleId());
                    s.setString(5, a.station().value());
                    s.setString(6, a.metric());
                    s.setString(7, a.id());
                    s.executeUpdate();
                }
                if (t.command().isPresent()) {
                    command = new AlertRecord.Command("a-" + a.id(), t.command().get().payload(), "pending", null, null);
                }
                try (PreparedStatement s = c.prepareStatement(INSERT_FIRING)) {
                    s.setString(1, a.id());
                    s.setString(2, a.ruleId());
                    s.setString(3, a.ruleName());
                    s.setString(4, a.station().value());
                    s.setString(5, a.metric());
                    s.setString(6, a.severity().wireName());
                    set(s, 7, a.conditionSince());
                    set(s, 8, a.firedAt());
                    set(s, 9, a.triggerValue());
                    set(s, 10, a.triggerReadingTime());
                    set(s, 11, d.triggerReceivedAt());
                    set(s, 12, d.latencyMs());
                    set(s, 13, a.worstValue());
                    s.setString(14, a.message());
                    s.setString(15, command == null ? null : command.id());
                    s.setString(16, command == null ? null : new JsonObject(command.payload()).encode());
                    s.setString(17, command == null ? null : command.status());
                    set(s, 18, now);
                    s.executeUpdate();
                }
            }
            case ACKNOWLEDGED -> {
                try (PreparedStatement s = c.prepareStatement(ACKNOWLEDGE)) {
                    set(s, 1, a.acknowledgedAt());
                    s.setString(2, a.acknowledgedBy());
                    set(s, 3, a.worstValue());
                    set(s, 4, now);
                    s.setString(5, a.id());
                    s.executeUpdate();
                }
            }
            case RESOLVED -> {
                try (PreparedStatement s = c.prepareStatement(RESOLVE)) {
                    set(s, 1, a.resolvedAt());
                    set(s, 2, a.resolveValue());
                    s.setString(3, t.reason());
                    set(s, 4, a.worstValue());
                    set(s, 5, a.acknowledgedAt());
                    s.setString(6, a.acknowledgedBy());
                    set(s, 7, now);
                    s.setString(8, a.id());
                    s.executeUpdate();
                }
            }
            default -> throw new IllegalArgumentException("the engine does not notify " + t.state());
        }
        UUID eventId = UUID.randomUUID();
        Optional<AlertRecord> stored = find(c, a.id());
        if (stored.isEmpty()) {
            // a change for an alert the table does not have: notify it as decided, there is no row to attach it to
            AlertRecord record = new AlertRecord(a, d.triggerReceivedAt(), d.latencyMs(), t.reason(), command, now);
            return new Written(record, eventId, t.reason(), AlertJson.notification(record, eventId, d.at(), t.reason()),
                    List.of(), d);
        }
        AlertRecord row = stored.get();
        AlertRecord record = new AlertRecord(a, row.triggerReceivedAt(), row.latencyMs(), row.resolveReason(),
                row.command(), row.updatedAt());
        JsonObject notification = AlertJson.notification(record, eventId, d.at(), t.reason());
        try (PreparedStatement s = c.prepareStatement(INSERT_EVENT)) {
            s.setObject(1, eventId);
            s.setString(2, a.id());
            s.setString(3, t.state().wireName());
            set(s, 4, d.at());
            s.setString(5, t.reason());
            set(s, 6, d.latencyMs());
            s.setString(7, notification.encode());
            s.executeUpdate();
        }
        List<Delivery> deliveries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(INSERT_DELIVERY, Statement.RETURN_GENERATED_KEYS)) {
            for (Delivery.Planned p : planner.plan(record, notification)) {
                s.setObject(1, eventId);
                s.setString(2, p.channel());
                s.setString(3, p.target());
                s.setString(4, p.payload());
                set(s, 5, now);
                set(s, 6, now);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    deliveries.add(new Delivery(keys.getLong("id"), eventId, p.channel(), p.target(), p.payload(), 0, now));
                }
            }
        }
        return new Written(record, eventId, t.reason(), notification, deliveries, d);
    }

    /** The engine's evaluation state, and the worst values of active alerts (which change without a transition). */
    void saveSnapshot(Connection c, String json, List<Alert> active, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO alert_engine_state (id, snapshot, saved_at) VALUES (1, ?::jsonb, ?)
                ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot, saved_at = excluded.saved_at""")) {
            s.setString(1, json);
            set(s, 2, now);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE alerts SET worst_value = ?, updated_at = ?
                WHERE id = ? AND state IN ('firing', 'acknowledged') AND worst_value IS DISTINCT FROM ?""")) {
            for (Alert a : active) {
                if (a.worstValue() != null) {
                    s.setDouble(1, a.worstValue());
                    set(s, 2, now);
                    s.setString(3, a.id());
                    s.setDouble(4, a.worstValue());
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
    }

    /** A station's reply to a command an alert sent; false when no alert sent that command. */
    boolean recordReply(Connection c, String commandId, boolean ok, String replyJson, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE alerts SET command_status = ?, command_reply = ?::jsonb, command_replied_at = ?, updated_at = ?
                WHERE command_id = ?""")) {
            s.setString(1, ok ? "ok" : "error");
            s.setString(2, replyJson);
            set(s, 3, at);
            set(s, 4, at);
            s.setString(5, commandId);
            return s.executeUpdate() > 0;
        }
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    /** Firing and acknowledged alerts: authoritative for what the engine restores. */
    public List<Alert> activeAlerts() throws SQLException {
        List<Alert> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM alerts WHERE state IN " + ACTIVE_STATES
                     + " ORDER BY fired_at, id")) {
            while (rs.next()) {
                out.add(row(rs).alert());
            }
        }
        return out;
    }

    /** Station id to profile, for stations whose status named one. */
    public Map<String, String> stationProfiles() throws SQLException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, profile FROM stations WHERE profile IS NOT NULL")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    public Optional<String> snapshot() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT snapshot::text FROM alert_engine_state WHERE id = 1")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    public Optional<AlertRecord> find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id);
        }
    }

    private static Optional<AlertRecord> find(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM alerts WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Which alerts to list: states (empty for all), a station or null, newest first up to {@code limit}. */
    public record Filter(List<String> states, String station, int limit) {
    }

    public List<AlertRecord> list(Filter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alerts WHERE true");
        if (!f.states().isEmpty()) {
            sql.append(" AND state = ANY (?)");
        }
        if (f.station() != null) {
            sql.append(" AND station_id = ?");
        }
        sql.append(" ORDER BY fired_at DESC, id LIMIT ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (!f.states().isEmpty()) {
                s.setArray(i++, c.createArrayOf("text", f.states().toArray()));
            }
            if (f.station() != null) {
                s.setString(i++, f.station());
            }
            s.setInt(i, f.limit());
            List<AlertRecord> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        }
    }

    /** An alert's transitions, oldest first: {state, at, reason, latency_ms}. */
    public List<JsonObject> events(String alertId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, state, at, reason, latency_ms FROM alert_events WHERE alert_id = ? ORDER BY seq")) {
            s.setString(1, alertId);
            List<JsonObject> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    double latency = rs.getDouble(5);
                    out.add(new JsonObject().put("event_id", rs.getString(1)).put("state", rs.getString(2))
                            .put("at", rs.getTimestamp(3).toInstant().toString()).put("reason", rs.getString(4))
                            .put("latency_ms", rs.wasNull() ? null : latency));
                }
            }
            return out;
        }
    }

    static AlertRecord row(ResultSet rs) throws SQLException {
        Alert alert = new Alert(rs.getString(1), rs.getString(2), rs.getString(3), StationId.of(rs.getString(4)),
                rs.getString(5), Severity.of(rs.getString(6)), AlertState.of(rs.getString(7)), instant(rs, 8),
                instant(rs, 9), number(rs, 10), instant(rs, 11), number(rs, 14), instant(rs, 16), rs.getString(17),
                instant(rs, 18), number(rs, 19), rs.getString(15));
        String commandId = rs.getString(21);
        AlertRecord.Command command = commandId == null ? null : new AlertRecord.Command(commandId,
                payload(rs.getString(22)), rs.getString(23), rs.getString(24), instant(rs, 25));
        return new AlertRecord(alert, instant(rs, 12), number(rs, 13), rs.getString(20), command, instant(rs, 26));
    }

    private static Map<String, Object> payload(String json) {
        return json == null ? Map.of() : new JsonObject(json).getMap();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static void set(PreparedStatement s, int i, Instant t) throws SQLException {
        if (t == null) {
            s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(i, java.time.OffsetDateTime.ofInstant(t, java.time.ZoneOffset.UTC));
        }
    }

    static void set(PreparedStatement s, int i, Double v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.DOUBLE);
        } else {
            s.setDouble(i, v);
        }
    }
}
