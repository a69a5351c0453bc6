package io.agrisense.bench.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Phase 2, PostgreSQL's limit: the same readings, pack after pack in the publishers' order, inserted into a bare
 * table with the product's key ({@code PRIMARY KEY (station_id, metric, ts)}, as in V2__readings.sql) by one
 * connection, one multi-row {@code unnest} INSERT per transaction, each batch as large as the platform's largest
 * (its {@code ingest.batchMessages} and {@code ingest.batchReadings} defaults). The platform does more per batch
 * (duplicate detection, latest values, station counters); this is the floor under all of that.
 */
final class RawDatabasePhase {

    static final String CREATE_TABLE = """
            CREATE TABLE readings (
                station_id text NOT NULL,
                metric     text NOT NULL,
                ts         timestamptz NOT NULL,
                value      double precision NOT NULL,
                PRIMARY KEY (station_id, metric, ts)
            )""";

    static final String INSERT = """
            INSERT INTO readings (station_id, metric, ts, value)
            SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::float8[])""";

    private RawDatabasePhase() {
    }

    /** Packs per INSERT: as many whole packs as the platform's batch limits let one transaction hold. */
    static int packsPerBatch(int readingsPerPack, int batchMessages, int batchReadings) {
        return Math.max(1, Math.min(batchMessages, batchReadings / readingsPerPack));
    }

    static PhaseResult run(String jdbcUrl, String user, String password, PackSchedule schedule, LoadSettings load,
                           int packsPerBatch) throws Exception {
        AtomicLong rows = new AtomicLong();
        AtomicLong batches = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            try (Statement s = c.createStatement()) {
                s.execute(CREATE_TABLE);
            }
            Inserter inserter = new Inserter(c, schedule, packsPerBatch, rows, batches, failure);
            Thread thread = new Thread(inserter, "raw-pg-insert");
            thread.start();
            SteadyState.Rates rates = SteadyState.measure(batches::get, rows::get, load.warmup(), load.duration(), on -> { });
            inserter.running = false;
            thread.join();
            List<String> problems = new ArrayList<>();
            if (failure.get() != null) {
                problems.add("insert failed: " + failure.get().getMessage());
            }
            long stored = count(c);
            if (stored != rows.get()) {
                problems.add("the table holds " + stored + " rows, " + rows.get() + " were inserted");
            }
            return new PhaseResult("Raw PostgreSQL", Double.NaN, rates.readingsPerSecond(), null, rows.get(), stored,
                    problems, List.of(String.format(java.util.Locale.ROOT,
                            "one connection, %d rows per INSERT and transaction, %.1f transactions/s",
                            packsPerBatch * schedule.readingsPerPack(), rates.messagesPerSecond())));
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM readings")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Inserts batch after batch until told to stop; the count grows only after each commit. */
    private static final class Inserter implements Runnable {
        private final Connection connection;
        private final PackSchedule schedule;
        private final int packsPerBatch;
        private final AtomicLong rows;
        private final AtomicLong batches;
        private final AtomicReference<Exception> failure;
        volatile boolean running = true;
        private long seq;
        private int station;

        Inserter(Connection connection, PackSchedule schedule, int packsPerBatch, AtomicLong rows, AtomicLong batches,
                 AtomicReference<Exception> failure) {
            this.connection = connection;
            this.schedule = schedule;
            this.packsPerBatch = packsPerBatch;
            this.rows = rows;
            this.batches = batches;
            this.failure = failure;
        }

        @Override
        public void run() {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                while (running) {
                    List<PackSchedule.Row> batch = nextBatch();
                    bind(insert, batch);
                    insert.executeUpdate();
                    rows.addAndGet(batch.size());
                    batches.incrementAndGet();
                }
            } catch (SQLException | RuntimeException e) {
                failure.set(e);
            }
        }

        /** The next packs in the publishers' order: pack 0 of every station, then pack 1, ... */
        private List<PackSchedule.Row> nextBatch() {
            List<PackSchedule.Row> batch = new ArrayList<>(packsPerBatch * schedule.readingsPerPack());
            for (int i = 0; i < packsPerBatch; i++) {
                batch.addAll(schedule.rows(station, seq));
                if (++station == schedule.stations()) {
                    station = 0;
                    seq++;
                }
            }
            return batch;
        }

        private void bind(PreparedStatement insert, List<PackSchedule.Row> batch) throws SQLException {
            int n = batch.size();
            String[] stations = new String[n];
            String[] metrics = new String[n];
            String[] times = new String[n];
            Double[] values = new Double[n];
            for (int i = 0; i < n; i++) {
                PackSchedule.Row r = batch.get(i);
                stations[i] = r.station();
                metrics[i] = r.metric();
                times[i] = Instant.ofEpochMilli(r.epochMillis()).toString();
                values[i] = r.value();
            }
            insert.setArray(1, connection.createArrayOf("text", stations));
            insert.setArray(2, connection.createArrayOf("text", metrics));
            insert.setArray(3, connection.createArrayOf("text", times));
            insert.setArray(4, connection.createArrayOf("float8", values));
        }
    }
}
