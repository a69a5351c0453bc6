package io.agrisense.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PostmasterPidTest {

    @Test
    void readsThePidDataDirectoryAndPortOfARunningServer() {
        // as PostgreSQL 14 writes it: pid, data dir, start time, port, socket dir, listen address, shmem key, status
        PostmasterPid pid = PostmasterPid.parse(List.of("48211", "/var/lib/agri/pg", "1764190000", "54321", "/tmp",
                "localhost", "  1234567     98304", "ready   "));
        assertThat(pid).isEqualTo(new PostmasterPid(48211, Path.of("/var/lib/agri/pg"), OptionalInt.of(54321)));
    }

    @Test
    void aServerStillStartingMayNotHaveWrittenItsPortYet() {
        assertThat(PostmasterPid.parse(List.of("77", "/data")).port()).isEmpty();
        assertThat(PostmasterPid.parse(List.of("77", "/data", "1764190000", "")).port()).isEmpty();
    }

    @Test
    void refusesAFileWithoutAProcessId() {
        assertThatThrownBy(() -> PostmasterPid.parse(List.of())).hasMessageContaining("is empty");
        assertThatThrownBy(() -> PostmasterPid.parse(List.of("garbage"))).hasMessageContaining("does not start with a process id");
        assertThatThrownBy(() -> PostmasterPid.parse(List.of("-1"))).hasMessageContaining("names process -1");
    }

    @Test
    void recognisesAPostgresServerOfTheSameDataDirectoryOnly() {
        Path data = Path.of("/var/lib/agri/pg");
        List<String> args = List.of("-D", "/var/lib/agri/pg", "-p", "54321", "-F");
        assertThat(PostmasterPid.isServerFor("/tmp/embedded-pg/PG-1/bin/postgres", args, data)).isTrue();
        assertThat(PostmasterPid.isServerFor("/tmp/embedded-pg/PG-1/bin/postgres",
                List.of("-D", "/var/lib/agri/pg/../pg"), data)).isTrue();
        assertThat(PostmasterPid.isServerFor("/tmp/embedded-pg/PG-1/bin/postgres",
                List.of("-D", "/var/lib/other"), data)).isFalse();
        assertThat(PostmasterPid.isServerFor("/usr/bin/java", args, data)).as("a reused pid").isFalse();
        assertThat(PostmasterPid.isServerFor("/usr/bin/postgres", List.of("-p", "5432"), data)).isFalse();
    }
}
