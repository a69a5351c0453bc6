package io.agrisense.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agrisense.embedded.testkit.TestServices;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedServersIT {

    @Test
    void freshSchemasAreIsolatedFromEachOther() throws Exception {
        TestServices.Database a = TestServices.freshSchema("embedded_a");
        TestServices.Database b = TestServices.freshSchema("embedded_b");
        try (Connection c = a.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE marker (v int)");
            s.execute("INSERT INTO marker VALUES (42)");
        }
        try (Connection c = b.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'marker'")) {
            r.next();
            assertThat(r.getInt(1)).isZero();
        }
        try (Connection c = a.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT v FROM marker")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void persistentDatabaseKeepsItsDataAcrossRestarts() throws Exception {
        Path folder = Files.createTempDirectory("agri-pg-restart");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(folder.resolve("pg"), 0);
             Connection c = java.sql.DriverManager.getConnection(first.jdbcUrl(), first.user(), first.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v text)");
            s.execute("INSERT INTO kept VALUES ('survives')");
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(folder.resolve("pg"), 0);
             Connection c = java.sql.DriverManager.getConnection(second.jdbcUrl(), second.user(), second.password());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT v FROM kept")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("survives");
        }
    }

    @Test
    void brokerRefusesATakenPortWithAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedMqttBroker.start(
                    new EmbeddedMqttBroker.Options("127.0.0.1", port, null, false, 1000)))
                    .isInstanceOf(PortUnavailableException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("already in use");
        }
    }
}
