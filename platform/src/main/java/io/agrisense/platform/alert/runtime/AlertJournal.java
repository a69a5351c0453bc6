package io.agrisense.platform.alert.runtime;

import io.agrisense.platform.alert.Alert;
import io.agrisense.platform.alert.EngineSnapshot;
import io.agrisense.platform.alert.SnapshotCodec;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persist, then notify: the engine hands its transitions here (never blocking), and one writer thread stores them
 * in order, a group per transaction together with their events and outbox rows, then tells the {@link Listener}
 * (SSE, MQTT, webhooks). While the database fails, changes wait in memory and the group is retried with back-off;
 * the engine and ingestion carry on. Snapshots of the engine's state and command replies go the same way.
 */
public final class AlertJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertJournal.class);
    private static final int GROUP = 256;
    private static final long MAX_BACKOFF_MS = 5000;

    /** Told about every committed group, on the journal thread, in order; must not block. */
    @FunctionalInterface
    public interface Listener {
        void written(List<AlertStore.Written> written);
    }

    sealed interface Entry permits Change, Snapshot, Reply {
    }

    record Change(DecidedTransition decided, CompletableFuture<AlertRecord> done) implements Entry {
    }

    /** The engine's state, an immutable copy taken on its context; encoded to JSON here, off the event loop. */
    record Snapshot(EngineSnapshot snapshot, List<Alert> active) implements Entry {
    }

    record Reply(String commandId, boolean ok, String json, java.time.Instant at) implements Entry {
    }

    private final AlertStore store;
    private final DeliveryPlanner planner;
    private final Listener listener;
    private final Clock clock;
    private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long giveUpAtNanos = Long.MAX_VALUE;
    private volatile String failure;

    public AlertJournal(AlertStore store, DeliveryPlanner planner, Listener listener, Clock clock) {
        this.store = store;
        this.planner = planner;
        this.listener = listener;
        this.clock = clock;
        this.thread = new Thread(this::run, "agri-alert-journal");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a transition; the future completes with the stored alert once it is committed and notified. */
    public CompletableFuture<AlertRecord> submit(DecidedTransition decided) {
        CompletableFuture<AlertRecord> done = new CompletableFuture<>();
        if (!queue.offer(new Change(decided, done))) {
            done.completeExceptionally(new IllegalStateException("alert journal is full"));
        }
        return done;
    }

    public void submitSnapshot(EngineSnapshot snapshot, List<Alert> active) {
        queue.offer(new Snapshot(snapshot, List.copyOf(active)));
    }

    public void submitReply(String commandId, boolean ok, String json, java.time.Instant at) {
        queue.offer(new Reply(commandId, ok, json, at));
    }

    public int queued() {
        return queue.size();
    }

    /** Null while writes succeed, otherwise what fails. */
    public String failure() {
        return failure;
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Entry first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Entry> group = new ArrayList<>();
                group.add(first);
                queue.drainTo(group, GROUP - 1);
                commit(coalesceSnapshots(group));
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException e) {
                LOG.error("Alert journal failed unexpectedly; continuing", e);
            }
        }
        Entry e;
        while ((e = queue.poll()) != null) {
            if (e instanceof Change c) {
                c.done.completeExceptionally(new IllegalStateException("the platform stopped before this alert change was stored"));
            }
        }
    }

    /** Only the newest snapshot of a group is worth writing. */
    static List<Entry> coalesceSnapshots(List<Entry> group) {
        int last = -1;
        for (int i = 0; i < group.size(); i++) {
            if (group.get(i) instanceof Snapshot) {
                last = i;
            }
        }
        List<Entry> out = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            if (!(group.get(i) instanceof Snapshot) || i == last) {
                out.add(group.get(i));
            }
        }
        return out;
    }

    private void commit(List<Entry> group) throws InterruptedException {
        long backoff = 100;
        while (true) {
            try {
                List<AlertStore.Written> written = write(group);
                if (failure != null) {
                    LOG.info("Alert changes are stored again");
                    failure = null;
                }
                publish(group, written);
                return;
            } catch (SQLException e) {
                if (isDataError(e) && group.size() > 1) {
                    LOG.error("The database refused a group of alert changes ({}); storing them one by one", firstLine(e));
                    for (Entry one : group) {
                        commit(List.of(one));
                    }
                    return;
                }
                if (isDataError(e)) {
                    LOG.error("The database refused an alert change, dropped: {} ({})", group.get(0), firstLine(e));
                    fail(group, e);
                    return;
                }
                if (failure == null) {
                    LOG.warn("Storing alert changes failed, retrying with back-off: {}", firstLine(e));
                }
                failure = "alert changes not stored, retrying: " + firstLine(e);
                if (System.nanoTime() > giveUpAtNanos) {
                    LOG.error("The database was unavailable until shutdown; {} alert change(s) not stored", group.size());
                    fail(group, e);
                    return;
                }
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    private List<AlertStore.Written> write(List<Entry> group) throws SQLException {
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                List<AlertStore.Written> written = new ArrayList<>();
                for (Entry e : group) {
                    if (e instanceof Change ch) {
                        written.add(store.write(c, ch.decided, planner, clock.instant()));
                    } else if (e instanceof Snapshot s) {
                        store.saveSnapshot(c, SnapshotCodec.toJson(s.snapshot), s.active, clock.instant());
                    } else if (e instanceof Reply r) {
                        store.recordReply(c, r.commandId, r.ok, r.json, r.at);
                    }
                }
                c.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void publish(List<Entry> group, List<AlertStore.Written> written) {
        try {
            if (!written.isEmpty()) {
                listener.written(written);
            }
        } catch (RuntimeException e) {
            LOG.warn("Notifying alert changes failed (they are stored; the outbox retries MQTT and webhooks): {}", e.toString());
        }
        int i = 0;
        for (Entry e : group) {
            if (e instanceof Change c) {
                c.done.complete(written.get(i++).record());
            }
        }
    }

    private static void fail(List<Entry> group, Exception cause) {
        for (Entry e : group) {
            if (e instanceof Change c) {
                c.done.completeExceptionally(cause);
            }
        }
    }

    static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private static String firstLine(Exception e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }

    /** Stores what is queued (giving up after {@code drainTimeout} while the database is down), then stops. */
    public void close(Duration drainTimeout) {
        running = false;
        giveUpAtNanos = System.nanoTime() + drainTimeout.toNanos();
        try {
            thread.join(drainTimeout.toMillis() + 1000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
