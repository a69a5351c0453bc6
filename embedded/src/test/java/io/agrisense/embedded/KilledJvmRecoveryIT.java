package io.agrisense.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that runs the embedded PostgreSQL on a data folder is killed with SIGKILL; the next start on the same
 * folder (here, in the test's JVM) must come up within seconds with the data, whatever the killed JVM left.
 */
class KilledJvmRecoveryIT {

    private static final Duration RESTART_LIMIT = Duration.ofSeconds(20);
    private final List<Process> children = new ArrayList<>();
    @TempDir
    Path folder;

    @AfterEach
    void killLeftovers() {
        for (Process child : children) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
    }

    @Test
    void aServerThatOutlivedItsKilledJvmIsStoppedAndTheNextStartFindsTheData() throws Exception {
        Path data = folder.resolve("pg");
        Process child = startChild(data);
        ProcessHandle server = serverOf(data);
        String binaries = server.info().command().orElseThrow();

        // SIGKILL the JVM and its watchdog together, as the OOM killer may: the server is left running
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        Thread.sleep(1500); // longer than the watchdog's poll: had it survived, it would have acted by now
        assertThat(server.isAlive()).as("the orphaned server still runs").isTrue();

        long started = System.nanoTime();
        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(data, 0)) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(RESTART_LIMIT);
            assertThat(server.isAlive()).as("the orphan was stopped").isFalse();
            assertThat(keptRows(restarted)).containsExactly("written before the kill");
            // zonky's extracted binaries are kept and shared: the new server runs from the same folder
            assertThat(serverOf(data).info().command()).contains(binaries);
        }
    }

    @Test
    void theServerStopsWhenTheJvmThatStartedItIsKilled() throws Exception {
        Path data = folder.resolve("pg");
        Process child = startChild(data);
        ProcessHandle server = serverOf(data);

        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // the JVM only: its watchdog lives on
        server.onExit().get(15, TimeUnit.SECONDS);
        assertThat(data.resolve(PostmasterPid.FILE_NAME)).as("a clean shutdown").doesNotExist();

        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(data, 0)) {
            assertThat(keptRows(restarted)).containsExactly("written before the kill");
        }
    }

    @Test
    void aStalePidFileWhoseProcessIsGoneIsRemoved() throws Exception {
        Path data = folder.resolve("pg");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(data, 0);
             Connection c = DriverManager.getConnection(first.jdbcUrl(), first.user(), first.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v text)");
            s.execute("INSERT INTO kept VALUES ('written before the kill')");
        }
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.write(data.resolve(PostmasterPid.FILE_NAME),
                List.of(Long.toString(gone.pid()), data.toString(), "1764190000", "54321", "/tmp", "localhost", "0 0", "ready"));

        long started = System.nanoTime();
        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(data, 0)) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(RESTART_LIMIT);
            assertThat(keptRows(restarted)).containsExactly("written before the kill");
        }
    }

    private Process startChild(Path data) throws IOException {
        Path log = folder.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DatabaseChild.class.getName(), data.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(child);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!child.isAlive()) {
                throw new AssertionError("the child JVM ended: " + Files.readString(log));
            }
            return Files.readString(log).contains(DatabaseChild.READY);
        });
        return child;
    }

    private static ProcessHandle serverOf(Path data) throws IOException {
        long pid = PostmasterPid.parse(Files.readAllLines(data.resolve(PostmasterPid.FILE_NAME))).pid();
        return ProcessHandle.of(pid).orElseThrow();
    }

    private static List<String> keptRows(EmbeddedDatabase db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT v FROM kept")) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }
}
