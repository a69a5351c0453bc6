package io.agrisense.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the way for a server on a data directory that a killed JVM left behind. A PostgreSQL started through
 * pg_ctl is not a child of the JVM, so a SIGKILL or the OOM killer leaves it running, holding
 * {@code postmaster.pid}, and the next start would wait for a server that never comes. Here: a pid file whose
 * process is gone (or is something else) is removed; a live PostgreSQL of this very data directory is shut down
 * with pg_ctl's signals, mildest first: SIGTERM (smart), SIGINT (fast), SIGQUIT (immediate), then SIGKILL.
 */
final class OrphanedServer {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedServer.class);
    private static final Duration STEP = Duration.ofSeconds(5);
    private static final String LOCK_FILE = "epg-lock";

    private OrphanedServer() {
    }

    /**
     * Makes {@code dataDirectory} free for a new server; returns what was found, for the log and the tests.
     *
     * @throws IllegalStateException when a running JVM still holds the folder (its server is no orphan)
     */
    static String clear(Path dataDirectory) {
        if (heldByAnotherJvm(dataDirectory)) {
            throw new IllegalStateException("the database folder " + dataDirectory + " is in use by another running"
                    + " program (it holds " + LOCK_FILE + "); stop it or choose another folder");
        }
        Path pidFile = dataDirectory.resolve(PostmasterPid.FILE_NAME);
        PostmasterPid pid;
        try {
            pid = PostmasterPid.parse(Files.readAllLines(pidFile));
        } catch (NoSuchFileException e) {
            return "no server";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e);
        } catch (IllegalArgumentException e) {
            delete(pidFile);
            return "removed an unreadable " + PostmasterPid.FILE_NAME + " (" + e.getMessage() + ")";
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.pid()).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !isServerFor(process.get(), dataDirectory)) {
            delete(pidFile);
            String found = "removed a stale " + PostmasterPid.FILE_NAME + " of process " + pid.pid()
                    + (process.isEmpty() ? ", which is gone" : ", now another program");
            LOG.info("Embedded PostgreSQL in {}: {}", dataDirectory, found);
            return found;
        }
        LOG.warn("Embedded PostgreSQL in {}: server process {} (port {}) outlived the JVM that started it; stopping it",
                dataDirectory, pid.pid(), pid.port().isPresent() ? pid.port().getAsInt() : "unknown");
        stop(process.get());
        delete(pidFile); // a clean shutdown removes it; after SIGKILL it is left
        return "stopped orphaned server process " + pid.pid();
    }

    // zonky holds a lock on this file for as long as its JVM runs; the kernel releases it when the JVM dies.
    private static boolean heldByAnotherJvm(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true; // held in this JVM
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + lockFile, e);
        }
    }

    private static boolean isServerFor(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        return info.command().isPresent() && info.arguments().isPresent() && PostmasterPid.isServerFor(
                info.command().get(), Arrays.asList(info.arguments().get()), dataDirectory);
    }

    private static void stop(ProcessHandle server) {
        if (awaitExit(server, () -> server.destroy(), "SIGTERM")
                || awaitExit(server, () -> signal(server, "INT"), "SIGINT")
                || awaitExit(server, () -> signal(server, "QUIT"), "SIGQUIT")
                || awaitExit(server, () -> server.destroyForcibly(), "SIGKILL")) {
            return;
        }
        throw new IllegalStateException("the orphaned PostgreSQL process " + server.pid()
                + " did not stop even after SIGKILL; stop it by hand");
    }

    private static boolean awaitExit(ProcessHandle server, Runnable send, String signal) {
        send.run();
        try {
            server.onExit().get(STEP.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Orphaned PostgreSQL process {} stopped after {}", server.pid(), signal);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !server.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping an orphaned PostgreSQL", e);
        }
    }

    // Java sends only SIGTERM and SIGKILL itself; pg_ctl's fast and immediate modes are SIGINT and SIGQUIT.
    private static void signal(ProcessHandle server, String name) {
        try {
            new ProcessBuilder(List.of("kill", "-" + name, Long.toString(server.pid())))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(STEP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            LOG.warn("Cannot send SIG{} to process {}: {}", name, server.pid(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }
}
