package io.agrisense.bench.alert;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/** Counts what the platform stored for the background stations, to check that every acknowledged reading arrived. */
final class StoredReadings {

    private final DataSource dataSource;
    private final String stationPrefix;
    private final List<String> metrics;

    StoredReadings(DataSource dataSource, String stationPrefix, List<String> metrics) {
        this.dataSource = dataSource;
        this.stationPrefix = stationPrefix;
        this.metrics = metrics;
    }

    /** Stored background readings (derived series the platform adds have other metric names and are not counted). */
    long count() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM readings WHERE station_id LIKE ? AND metric = ANY(?)")) {
            Array names = c.createArrayOf("text", metrics.toArray());
            s.setString(1, stationPrefix + "%");
            s.setArray(2, names);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Readings of stations that are neither background nor probe stations of this run: on a shared broker the
     * platform ingests everyone's telemetry, which is load the report should mention.
     */
    long foreign(String probePrefix) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM readings WHERE station_id NOT LIKE ? AND station_id NOT LIKE ?")) {
            s.setString(1, stationPrefix + "%");
            s.setString(2, probePrefix + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Waits until {@code expected} readings are stored, or the count stops growing for {@code quiet}; returns the count. */
    long awaitCount(long expected, Duration quiet) throws SQLException, InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long now = count();
            if (now >= expected) {
                return now;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > quiet.toNanos()) {
                return now;
            }
            Thread.sleep(200);
        }
    }
}
