package io.agrisense.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.platform.store.ReadingBatchWriter.BatchOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReadingBatchWriterIT {

    private static Database database;
    private static ReadingBatchWriter writer;
    private static final Instant T0 = Instant.parse("2024-05-01T06:00:00.123456Z");
    private static final Instant RECEIVED = Instant.parse("2024-05-01T06:00:05Z");

    @BeforeAll
    static void migrate() {
        TestServices.Database db = TestServices.freshSchema("writer");
        database = Database.open(db.jdbcUrl(), db.user(), db.password(), 4, Duration.ofSeconds(5), List.of(), new SimpleMeterRegistry());
        writer = new ReadingBatchWriter(database.dataSource());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static MessageRows message(String station, Reading... readings) {
        return new MessageRows("mqtt", RECEIVED, station, "[{\"bn\":...}]", List.of(readings), List.of(), List.of());
    }

    @Test
    void storesReadingsOnceAndCountsRedeliveriesAsDuplicates() throws SQLException {
        String st = TestServices.uniqueStationId("w");
        Reading a = new Reading(st, "air_temperature", T0, 21.5);
        Reading b = new Reading(st, "relative_humidity", T0, 63.25);

        BatchOutcome first = writer.write(List.of(message(st, a, b)), List.of());
        BatchOutcome again = writer.write(List.of(message(st, a, b)), List.of());

        assertThat(first.messages().get(0).stored()).containsExactly(a, b);
        assertThat(again.messages().get(0).stored()).isEmpty();
        assertThat(again.messages().get(0).duplicates()).isEqualTo(2);
        assertThat(again.messages().get(0).rejections()).isEmpty();
        assertThat(query("SELECT count(*) FROM readings WHERE station_id = '" + st + "'")).isEqualTo("2");
        assertThat(query("SELECT value FROM readings WHERE station_id = '" + st + "' AND metric = 'relative_humidity'"))
                .isEqualTo("63.25");
        assertThat(query("SELECT ts = '2024-05-01T06:00:00.123456Z' FROM readings WHERE station_id = '" + st
                + "' AND metric = 'air_temperature'")).isEqualTo("t");
        assertThat(query("SELECT reading_count FROM stations WHERE id = '" + st + "'")).isEqualTo("2");
    }

    @Test
    void aDuplicateTimeWithADifferentValueIsRecordedAsRejected() throws SQLException {
        String st = TestServices.uniqueStationId("w");
        writer.write(List.of(message(st, new Reading(st, "ph", T0, 7.25))), List.of());

        BatchOutcome conflict = writer.write(List.of(message(st, new Reading(st, "ph", T0, 6.5))), List.of());

        assertThat(conflict.messages().get(0).stored()).isEmpty();
        assertThat(conflict.messages().get(0).duplicates()).isZero();
        assertThat(conflict.messages().get(0).rejections()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(RejectReason.CONFLICTING_DUPLICATE);
            assertThat(r.reason()).isEqualTo("duplicate time with a different value (stored 7.25)");
        });
        assertThat(query("SELECT value FROM readings WHERE station_id = '" + st + "'")).isEqualTo("7.25");
        assertThat(query("SELECT reason || ' | ' || value || ' | ' || reason_code FROM rejected_readings WHERE station_id = '" + st + "'"))
                .isEqualTo("duplicate time with a different value (stored 7.25) | 6.5 | conflicting_duplicate");
    }

    @Test
    void duplicatesInsideOneBatchAreResolvedAgainstTheFirstOccurrence() throws SQLException {
        String st = TestServices.uniqueStationId("w");
        Reading first = new Reading(st, "co2", T0, 410);
        Reading same = new Reading(st, "co2", T0, 410);
        Reading different = new Reading(st, "co2", T0, 999);

        BatchOutcome out = writer.write(List.of(message(st, first), message(st, same), message(st, different)), List.of());

        assertThat(out.messages().get(0).stored()).containsExactly(first);
        assertThat(out.messages().get(1).duplicates()).isEqualTo(1);
        assertThat(out.messages().get(2).rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("duplicate time with a different value (stored 410.0)"));
        assertThat(query("SELECT count(*) || ':' || max(value) FROM readings WHERE station_id = '" + st + "'")).isEqualTo("1:410");
    }

    @Test
    void latestKeepsTheNewestTimePerMetricWhateverTheArrivalOrder() throws SQLException {
        String st = TestServices.uniqueStationId("w");
        writer.write(List.of(message(st, new Reading(st, "water_temperature", T0.plusSeconds(60), 18.5),
                new Reading(st, "water_temperature", T0, 18.0))), List.of());
        writer.write(List.of(message(st, new Reading(st, "water_temperature", T0.minusSeconds(60), 17.0))), List.of());

        assertThat(new StationDirectory(database.dataSource()).latest(st)).singleElement()
                .isEqualTo(new StationDirectory.LatestValue("water_temperature", T0.plusSeconds(60), 18.5));
    }

    @Test
    void rejectionsEventsAndStatusesAreStoredWithTheMessage() throws SQLException {
        String st = TestServices.uniqueStationId("w");
        Rejection bad = new Rejection(st, "air_temperature", T0, 99.0, RejectReason.OUT_OF_RANGE, "too hot\u0000");
        MessageRows m = new MessageRows("http", RECEIVED, st, "[{\"n\":\"x\u0000\"}]", List.of(),
                List.of(new StationEvent(st, T0, "aerator on: dissolved_oxygen 2.9 < 3.0")), List.of(bad));
        StationStatus online = new StationStatus(st, true, RECEIVED, "pond", "Pond 3", "0.1.0", "{\"state\":\"online\"}");

        BatchOutcome out = writer.write(List.of(m, m), List.of(online));

        assertThat(out.statuses()).singleElement().satisfies(s -> {
            assertThat(s.online()).isTrue();
            assertThat(s.profile()).isEqualTo("pond");
        });
        assertThat(query("SELECT count(*) FROM station_events WHERE station_id = '" + st + "'")).isEqualTo("1");
        assertThat(query("SELECT count(*) FROM rejected_readings WHERE station_id = '" + st + "' AND reason = 'too hot\uFFFD'"))
                .isEqualTo("2");
        assertThat(query("SELECT status || ' ' || profile || ' ' || name || ' ' || rejected_count FROM stations WHERE id = '" + st + "'"))
                .isEqualTo("online pond Pond 3 2");

        // The same state again keeps the time it began; an older message changes nothing.
        StationStatus later = new StationStatus(st, true, RECEIVED.plusSeconds(30), "pond", null, null, "{\"state\":\"online\"}");
        StationStatus stale = new StationStatus(st, false, RECEIVED.minusSeconds(30), null, null, null, "{\"state\":\"offline\"}");
        writer.write(List.of(), List.of(later));
        assertThat(writer.write(List.of(), List.of(stale)).statuses()).isEmpty();
        assertThat(query("SELECT status || ' ' || (status_time = '" + RECEIVED + "') FROM stations WHERE id = '" + st + "'"))
                .isEqualTo("online true");
    }

    @Test
    void chosenModeOnThisServerIsPlainWithABrinIndex() throws SQLException {
        assertThat(database.mode()).isEqualTo(StorageMode.PLAIN);
        assertThat(query("SELECT indexdef FROM pg_indexes WHERE indexname = 'readings_ts_brin' AND schemaname = current_schema()"))
                .contains("USING brin (ts)");
    }

    private static String query(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
