package io.agrisense.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** The platform's use of the database in a JVM of its own, for {@link KilledJvmRecoveryIT} to kill. */
public final class DatabaseChild {

    static final String READY = "child database ready";

    private DatabaseChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), 0);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS kept (v text)");
            s.execute("INSERT INTO kept VALUES ('written before the kill')");
        }
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
