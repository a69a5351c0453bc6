package io.agrisense.platform.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Writes a batch of messages in ONE transaction with multi-row {@code unnest} statements (never a row at a time).
 * Readings are idempotent on (station, metric, time): a repeat with the same value counts as a duplicate, a repeat
 * with a different value is recorded in {@code rejected_readings} rather than silently dropped.
 */
public final class ReadingBatchWriter {

    static final String INSERT_READINGS = """
            INSERT INTO readings (station_id, metric, ts, value)
            SELECT s, m, t, v FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::float8[]) AS u(s, m, t, v)
            ON CONFLICT (station_id, metric, ts) DO NOTHING
            RETURNING station_id, metric, ts""";

    static final String SELECT_EXISTING = """
            SELECT r.station_id, r.metric, r.ts, r.value
            FROM readings r JOIN unnest(?::text[], ?::text[], ?::timestamptz[]) AS k(s, m, t)
              ON r.station_id = k.s AND r.metric = k.m AND r.ts = k.t""";

    static final String UPSERT_LATEST = """
            INSERT INTO latest_readings AS l (station_id, metric, ts, value)
            SELECT s, m, t, v FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::float8[]) AS u(s, m, t, v)
            ON CONFLICT (station_id, metric) DO UPDATE SET ts = excluded.ts, value = excluded.value
            WHERE excluded.ts > l.ts""";

    static final String INSERT_REJECTED = """
            INSERT INTO rejected_readings (received_at, station_id, metric, ts, value, reason_code, reason, source, payload_excerpt)
            SELECT * FROM unnest(?::timestamptz[], ?::text[], ?::text[], ?::timestamptz[], ?::float8[], ?::text[], ?::text[], ?::text[], ?::text[])""";

    static final String INSERT_EVENTS = """
            INSERT INTO station_events (station_id, ts, event, received_at, source)
            SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::timestamptz[], ?::text[])
            ON CONFLICT (station_id, ts, event) DO NOTHING""";

    static final String UPSERT_STATIONS_SEEN = """
            INSERT INTO stations AS s (id, first_seen, last_seen, reading_count, rejected_count)
            SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::timestamptz[], ?::int8[], ?::int8[])
            ON CONFLICT (id) DO UPDATE SET
              last_seen = greatest(s.last_seen, excluded.last_seen),
              reading_count = s.reading_count + excluded.reading_count,
              rejected_count = s.rejected_count + excluded.rejected_count""";

    static final String UPSERT_STATUS = """
            INSERT INTO stations AS s (id, profile, name, agent_version, first_seen, status, status_time, last_status)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::timestamptz[], ?::jsonb[])
            ON CONFLICT (id) DO UPDATE SET
              profile = coalesce(excluded.profile, s.profile),
              name = coalesce(excluded.name, s.name),
              agent_version = coalesce(excluded.agent_version, s.agent_version),
              status_time = CASE WHEN s.status IS DISTINCT FROM excluded.status THEN excluded.status_time ELSE s.status_time END,
              status = excluded.status,
              last_status = excluded.last_status
            WHERE s.status_time IS NULL OR excluded.status_time >= s.status_time
            RETURNING id, status, status_time, profile""";

    private final DataSource dataSource;

    public ReadingBatchWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The committed outcome of a batch: one entry per message, in order, and the status changes applied. */
    public record BatchOutcome(List<MessageOutcome> messages, List<StationStatus> statuses) {
    }

    /** Writes everything in one transaction; on any exception nothing is written. */
    public BatchOutcome write(List<MessageRows> messages, List<StationStatus> statuses) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                BatchOutcome outcome = write(c, messages, statuses);
                c.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        }
    }

    private BatchOutcome write(Connection c, List<MessageRows> messages, List<StationStatus> statuses) throws SQLException {
        List<Reading> all = new ArrayList<>();
        for (MessageRows m : messages) {
            all.addAll(m.readings());
        }
        Map<Key, Double> storedValues = new HashMap<>();
        Map<Key, Integer> first = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            first.putIfAbsent(Key.of(all.get(i)), i);
        }
        List<Reading> unique = new ArrayList<>(first.size());
        for (int i : first.values()) {
            unique.add(all.get(i));
        }
        Set<Key> inserted = insertReadings(c, unique);
        List<Reading> notInserted = new ArrayList<>();
        for (Reading r : unique) {
            Key k = Key.of(r);
            if (inserted.contains(k)) {
                storedValues.put(k, r.value());
            } else {
                notInserted.add(r);
            }
        }
        storedValues.putAll(existingValues(c, notInserted));

        List<MessageOutcome> outcomes = new ArrayList<>(messages.size());
        List<Rejection> rejectionRows = new ArrayList<>();
        List<MessageRows> rejectionOwners = new ArrayList<>();
        List<Reading> newlyStored = new ArrayList<>();
        int index = 0;
        for (MessageRows m : messages) {
            List<Reading> stored = new ArrayList<>();
            List<Rejection> rejections = new ArrayList<>(m.rejections());
            int duplicates = 0;
            for (Reading r : m.readings()) {
                Key k = Key.of(r);
                boolean isFirst = first.get(k) == index;
                Double storedValue = storedValues.get(k);
                if (isFirst && inserted.contains(k)) {
                    stored.add(r);
                } else if (storedValue != null && Double.compare(storedValue, r.value()) == 0) {
                    duplicates++;
                } else {
                    rejections.add(new Rejection(r.station(), r.metric(), r.time(), r.value(),
                            RejectReason.CONFLICTING_DUPLICATE,
                            "duplicate time with a different value (stored " + storedValue + ")"));
                }
                index++;
            }
            newlyStored.addAll(stored);
            for (Rejection rejection : rejections) {
                rejectionRows.add(rejection);
                rejectionOwners.add(m);
            }
            outcomes.add(new MessageOutcome(stored, duplicates, m.events(), rejections));
        }
        insertRejections(c, rejectionRows, rejectionOwners);
        insertEvents(c, messages);
        upsertLatest(c, newlyStored);
        upsertStationsSeen(c, messages, outcomes);
        List<StationStatus> applied = upsertStatuses(c, statuses);
        return new BatchOutcome(outcomes, applied);
    }

    private Set<Key> insertReadings(Connection c, List<Reading> readings) throws SQLException {
        Set<Key> inserted = new HashSet<>();
        if (readings.isEmpty()) {
            return inserted;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_READINGS)) {
            bindKeys(c, ps, readings);
            ps.setArray(4, c.createArrayOf("float8", values(readings)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(new Key(rs.getString(1), rs.getString(2), micros(rs.getObject(3, OffsetDateTime.class))));
                }
            }
        }
        return inserted;
    }

    private Map<Key, Double> existingValues(Connection c, List<Reading> readings) throws SQLException {
        Map<Key, Double> values = new HashMap<>();
        if (readings.isEmpty()) {
            return values;
        }
        try (PreparedStatement ps = c.prepareStatement(SELECT_EXISTING)) {
            bindKeys(c, ps, readings);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.put(new Key(rs.getString(1), rs.getString(2), micros(rs.getObject(3, OffsetDateTime.class))),
                            rs.getDouble(4));
                }
            }
        }
        return values;
    }

    private void upsertLatest(Connection c, List<Reading> stored) throws SQLException {
        if (stored.isEmpty()) {
            return;
        }
        Map<String, Reading> newest = new LinkedHashMap<>();
        for (Reading r : stored) {
            newest.merge(r.station() + '\u0000' + r.metric(), r, (a, b) -> b.time().isAfter(a.time()) ? b : a);
        }
        List<Reading> rows = new ArrayList<>(newest.values());
        try (PreparedStatement ps = c.prepareStatement(UPSERT_LATEST)) {
            bindKeys(c, ps, rows);
            ps.setArray(4, c.createArrayOf("float8", values(rows)));
            ps.executeUpdate();
        }
    }

    private void insertRejections(Connection c, List<Rejection> rows, List<MessageRows> owners) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] receivedAt = new String[n];
        String[] station = new String[n];
        String[] metric = new String[n];
        String[] ts = new String[n];
        Double[] value = new Double[n];
        String[] code = new String[n];
        String[] reason = new String[n];
        String[] source = new String[n];
        String[] excerpt = new String[n];
        for (int i = 0; i < n; i++) {
            Rejection r = rows.get(i);
            MessageRows owner = owners.get(i);
            receivedAt[i] = owner.receivedAt().toString();
            station[i] = Text.clean(r.station(), 200);
            metric[i] = Text.clean(r.metric(), 200);
            ts[i] = r.time() == null ? null : r.time().toString();
            value[i] = r.value() != null && Double.isFinite(r.value()) ? r.value() : null;
            code[i] = r.code().code();
            reason[i] = Text.clean(r.reason(), 2000);
            source[i] = owner.source();
            excerpt[i] = Text.clean(owner.payloadExcerpt(), 2000);
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_REJECTED)) {
            ps.setArray(1, c.createArrayOf("text", receivedAt));
            ps.setArray(2, c.createArrayOf("text", station));
            ps.setArray(3, c.createArrayOf("text", metric));
            ps.setArray(4, c.createArrayOf("text", ts));
            ps.setArray(5, c.createArrayOf("float8", value));
            ps.setArray(6, c.createArrayOf("text", code));
            ps.setArray(7, c.createArrayOf("text", reason));
            ps.setArray(8, c.createArrayOf("text", source));
            ps.setArray(9, c.createArrayOf("text", excerpt));
            ps.executeUpdate();
        }
    }

    private void insertEvents(Connection c, List<MessageRows> messages) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        for (MessageRows m : messages) {
            for (StationEvent e : m.events()) {
                rows.add(new String[] {e.station(), e.time().toString(), Text.clean(e.text(), 2000),
                        m.receivedAt().toString(), m.source()});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_EVENTS)) {
            for (int col = 0; col < 5; col++) {
                String[] column = new String[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    column[i] = rows.get(i)[col];
                }
                ps.setArray(col + 1, c.createArrayOf("text", column));
            }
            ps.executeUpdate();
        }
    }

    private void upsertStationsSeen(Connection c, List<MessageRows> messages, List<MessageOutcome> outcomes) throws SQLException {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Instant[]> seen = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            MessageRows m = messages.get(i);
            if (m.station() == null) {
                continue;
            }
            MessageOutcome o = outcomes.get(i);
            long[] n = counts.computeIfAbsent(m.station(), k -> new long[2]);
            n[0] += o.stored().size();
            n[1] += o.rejections().size();
            seen.merge(m.station(), new Instant[] {m.receivedAt(), m.receivedAt()}, (a, b) -> new Instant[] {
                    a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        }
        if (counts.isEmpty()) {
            return;
        }
        int n = counts.size();
        String[] ids = new String[n];
        String[] firstSeen = new String[n];
        String[] lastSeen = new String[n];
        Long[] stored = new Long[n];
        Long[] rejected = new Long[n];
        int i = 0;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            ids[i] = e.getKey();
            Instant[] s = seen.get(e.getKey());
            firstSeen[i] = s[0].toString();
            lastSeen[i] = s[1].toString();
            stored[i] = e.getValue()[0];
            rejected[i] = e.getValue()[1];
            i++;
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT_STATIONS_SEEN)) {
            ps.setArray(1, c.createArrayOf("text", ids));
            ps.setArray(2, c.createArrayOf("text", firstSeen));
            ps.setArray(3, c.createArrayOf("text", lastSeen));
            ps.setArray(4, c.createArrayOf("int8", stored));
            ps.setArray(5, c.createArrayOf("int8", rejected));
            ps.executeUpdate();
        }
    }

    private List<StationStatus> upsertStatuses(Connection c, List<StationStatus> statuses) throws SQLException {
        if (statuses.isEmpty()) {
            return List.of();
        }
        // One row per station (the newest), as ON CONFLICT cannot touch a row twice in one statement.
        Map<String, StationStatus> newest = new LinkedHashMap<>();
        for (StationStatus s : statuses) {
            newest.merge(s.station(), s, (a, b) -> b.time().isBefore(a.time()) ? a : b);
        }
        List<StationStatus> rows = new ArrayList<>(newest.values());
        int n = rows.size();
        String[][] cols = new String[8][n];
        for (int i = 0; i < n; i++) {
            StationStatus s = rows.get(i);
            cols[0][i] = s.station();
            cols[1][i] = Text.clean(s.profile(), 200);
            cols[2][i] = Text.clean(s.name(), 200);
            cols[3][i] = Text.clean(s.version(), 200);
            cols[4][i] = s.time().toString();
            cols[5][i] = s.online() ? "online" : "offline";
            cols[6][i] = s.time().toString();
            cols[7][i] = s.json();
        }
        List<StationStatus> applied = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(UPSERT_STATUS)) {
            for (int col = 0; col < 8; col++) {
                ps.setArray(col + 1, c.createArrayOf("text", cols[col]));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StationStatus original = newest.get(rs.getString(1));
                    applied.add(new StationStatus(rs.getString(1), "online".equals(rs.getString(2)),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), original.name(),
                            original.version(), original.json()));
                }
            }
        }
        return applied;
    }

    private static void bindKeys(Connection c, PreparedStatement ps, List<Reading> readings) throws SQLException {
        int n = readings.size();
        String[] stations = new String[n];
        String[] metrics = new String[n];
        String[] times = new String[n];
        for (int i = 0; i < n; i++) {
            Reading r = readings.get(i);
            stations[i] = r.station();
            metrics[i] = r.metric();
            times[i] = r.time().toString();
        }
        Array s = c.createArrayOf("text", stations);
        Array m = c.createArrayOf("text", metrics);
        Array t = c.createArrayOf("text", times);
        ps.setArray(1, s);
        ps.setArray(2, m);
        ps.setArray(3, t);
    }

    private static Double[] values(List<Reading> readings) {
        Double[] v = new Double[readings.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = readings.get(i).value();
        }
        return v;
    }

    private static long micros(OffsetDateTime time) {
        Instant i = time.toInstant();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** The identity of a reading: PostgreSQL's primary key of {@code readings}. */
    record Key(String station, String metric, long micros) {
        static Key of(Reading r) {
            return new Key(r.station(), r.metric(), r.micros());
        }
    }
}
