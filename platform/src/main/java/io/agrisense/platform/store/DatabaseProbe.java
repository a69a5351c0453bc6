package io.agrisense.platform.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Whether PostgreSQL answers, in bounded time for {@code /health}: a ping runs on the probe's own thread, at most one
 * at a time, and its answer is reused while it is fresh. A caller waits briefly for a new answer and otherwise gets
 * the last one; a ping that has not answered for {@code patience} makes the database down at once, instead of after
 * the pool's connection timeout (seconds, while the server is gone).
 */
public final class DatabaseProbe implements AutoCloseable {

    /** The database's state as last seen. */
    public record Answer(boolean up, String detail) {
    }

    private final BooleanSupplier ping;
    private final String upDetail;
    private final Duration fresh;
    private final Duration wait;
    private final Duration patience;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "agri-db-probe");
        t.setDaemon(true);
        return t;
    });
    private Answer last;
    private long lastAtNanos;
    private CompletableFuture<Answer> pending;
    private long pendingSinceNanos;

    /** A probe of {@code database}: answers reused for 1 s, a caller waits at most 100 ms, down after 2 s of silence. */
    public DatabaseProbe(Database database, String upDetail) {
        this(database::ping, upDetail, Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(2));
    }

    DatabaseProbe(BooleanSupplier ping, String upDetail, Duration fresh, Duration wait, Duration patience) {
        this.ping = ping;
        this.upDetail = upDetail;
        this.fresh = fresh;
        this.wait = wait;
        this.patience = patience;
    }

    /** Returns within about {@code wait}, whatever the database does. */
    public Answer check() {
        CompletableFuture<Answer> running = refresh();
        if (running != null) {
            try {
                return running.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still waiting for the server: judged below
            } catch (ExecutionException e) {
                return new Answer(false, "PostgreSQL probe failed: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (pending != null) {
                long silentMs = (System.nanoTime() - pendingSinceNanos) / 1_000_000;
                if (silentMs >= patience.toMillis() || last == null) {
                    return new Answer(false, "PostgreSQL has not answered for " + silentMs + " ms");
                }
            }
            return last;
        }
    }

    /** Starts a ping when the last answer is stale and none is under way; returns the one under way, if any. */
    private synchronized CompletableFuture<Answer> refresh() {
        if (pending == null && (last == null || System.nanoTime() - lastAtNanos > fresh.toNanos())) {
            pendingSinceNanos = System.nanoTime();
            CompletableFuture<Answer> started = CompletableFuture.supplyAsync(this::ping, thread);
            pending = started;
            started.whenComplete((answer, error) -> answered(started,
                    answer != null ? answer : new Answer(false, "PostgreSQL probe failed: " + error)));
        }
        return pending;
    }

    private Answer ping() {
        return ping.getAsBoolean() ? new Answer(true, upDetail) : new Answer(false, "PostgreSQL does not answer");
    }

    private synchronized void answered(CompletableFuture<Answer> probe, Answer answer) {
        last = answer;
        lastAtNanos = System.nanoTime();
        if (pending == probe) {
            pending = null;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
