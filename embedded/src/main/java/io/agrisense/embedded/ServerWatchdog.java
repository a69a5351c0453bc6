package io.agrisense.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the embedded PostgreSQL when the JVM dies without closing it (SIGKILL, OOM killer): a small shell
 * process polls the JVM once a second and, once it is gone, sends the server SIGINT, which is what
 * {@code pg_ctl stop -m fast} sends (pg_ctl itself refuses to run as root, where zonky wraps it in
 * {@code unshare -U}). A shell survives its parent's SIGKILL, which is the point; it exits by itself once the
 * server has stopped. Where there is no POSIX shell it is not started, and {@link OrphanedServer} clears up at
 * the next start instead.
 */
final class ServerWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerWatchdog.class);
    private static final Path SHELL = Path.of("/bin/sh");
    // $1 the JVM's pid, $2 the server's pid
    private static final String SCRIPT = "while kill -0 \"$1\" 2>/dev/null && kill -0 \"$2\" 2>/dev/null; do sleep 1; done; "
            + "kill -INT \"$2\" 2>/dev/null";

    private final Process process;

    private ServerWatchdog(Process process) {
        this.process = process;
    }

    /** Watches the server that runs on {@code dataDirectory}; empty where it cannot be watched. */
    static Optional<ServerWatchdog> watch(Path dataDirectory) {
        if (!Files.isExecutable(SHELL)) {
            return Optional.empty();
        }
        try {
            PostmasterPid pid = PostmasterPid.parse(Files.readAllLines(dataDirectory.resolve(PostmasterPid.FILE_NAME)));
            Process watchdog = new ProcessBuilder(List.of(SHELL.toString(), "-c", SCRIPT, "agri-pg-watchdog",
                    Long.toString(ProcessHandle.current().pid()), Long.toString(pid.pid())))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return Optional.of(new ServerWatchdog(watchdog));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("No watchdog for the embedded PostgreSQL in {}: {}", dataDirectory, e.getMessage());
            return Optional.empty();
        }
    }

    long pid() {
        return process.pid();
    }

    /** The JVM stops the server itself: the watchdog is no longer needed. */
    @Override
    public void close() {
        process.destroy();
    }
}
