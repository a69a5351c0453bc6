package io.agrisense.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.embedded.testkit.TestServices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A database migrated before V1's comment-only change still opens, and the shipped V1 has the expected checksum. */
class MigrationHistoryIT {

    @Test
    void aDatabaseWithTheOldV1ChecksumOpensAndGetsTheNewOne() throws Exception {
        TestServices.Database db = TestServices.freshSchema("history");
        try (Database first = open(db)) {
            assertThat(v1Checksum(first)).as("Flyway's checksum of the shipped V1").isEqualTo(Database.V1_CHECKSUM);
            try (Connection c = first.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE flyway_schema_history SET checksum = " + Database.V1_CHECKSUM_BEFORE_COMMENT_FIX
                        + " WHERE version = '1'");
            }
        }
        try (Database again = open(db)) {
            assertThat(v1Checksum(again)).isEqualTo(Database.V1_CHECKSUM);
        }
    }

    @Test
    void anyOtherChangedChecksumIsStillRefused() throws Exception {
        TestServices.Database db = TestServices.freshSchema("history");
        try (Database first = open(db); Connection c = first.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '1'");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> open(db).close())
                .hasMessageContaining("checksum");
    }

    private static Database open(TestServices.Database db) {
        return Database.open(db.jdbcUrl(), db.user(), db.password(), 2, Duration.ofSeconds(5), List.of(), new SimpleMeterRegistry());
    }

    private static int v1Checksum(Database database) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT checksum FROM flyway_schema_history WHERE version = '1'")) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }
}
