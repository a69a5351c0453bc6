package io.agrisense.platform.alert.runtime;

import io.agrisense.platform.alert.Alert;
import io.agrisense.platform.alert.EngineSnapshot;
import io.agrisense.platform.alert.SnapshotCodec;
import io.agrisense.platform.store.DurableWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persist, then notify: the engine hands its transitions here (never blocking), and the {@link DurableWriter} stores
 * them in order, a group per transaction together with their events and outbox rows, then tells the {@link Listener}
 * (SSE, MQTT, webhooks). While the database fails, changes wait in memory and the group is retried with back-off;
 * the engine and ingestion carry on. Snapshots of the engine's state and command replies go the same way.
 */
public final class AlertJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertJournal.class);
    private static final int GROUP = 256;

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
    private final DurableWriter<Entry, List<AlertStore.Written>> writer;

    public AlertJournal(AlertStore store, DeliveryPlanner planner, Listener listener, Clock clock) {
        this.store = store;
        this.planner = planner;
        this.listener = listener;
        this.clock = clock;
        this.writer = new DurableWriter<>(
                new DurableWriter.Settings("alert-journal", "alert change", "alert changes not stored, retrying: ",
                        Integer.MAX_VALUE),
                DurableWriter.Batching.upTo(GROUP), new GroupCommitter());
    }

    /** Queues a transition; the future completes with the stored alert once it is committed and notified. */
    public CompletableFuture<AlertRecord> submit(DecidedTransition decided) {
        CompletableFuture<AlertRecord> done = new CompletableFuture<>();
        if (writer.offer(new Change(decided, done)) != DurableWriter.Offer.QUEUED) {
            done.completeExceptionally(new IllegalStateException("alert journal is closed"));
        }
        return done;
    }

    public void submitSnapshot(EngineSnapshot snapshot, List<Alert> active) {
        writer.offer(new Snapshot(snapshot, List.copyOf(active)));
    }

    public void submitReply(String commandId, boolean ok, String json, java.time.Instant at) {
        writer.offer(new Reply(commandId, ok, json, at));
    }

    public int queued() {
        return writer.queued();
    }

    /** Null while writes succeed, otherwise what fails. */
    public String failure() {
        return writer.health().failure();
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

    private final class GroupCommitter implements DurableWriter.Committer<Entry, List<AlertStore.Written>> {

        @Override
        public List<AlertStore.Written> commit(List<Entry> group) throws SQLException {
            return write(coalesceSnapshots(group));
        }

        /** A change the database refuses on its own is dropped: its future fails, the others are stored. */
        @Override
        public List<AlertStore.Written> refused(Entry entry, SQLException cause) {
            LOG.error("The database refused an alert change, dropped: {} ({})", entry, DurableWriter.firstLine(cause));
            fail(List.of(entry), cause);
            return List.of();
        }

        @Override
        public List<AlertStore.Written> merge(List<List<AlertStore.Written>> parts) {
            return parts.stream().flatMap(List::stream).toList();
        }

        /** Notify, then complete each change with its stored alert (refused changes have already failed). */
        @Override
        public void completed(List<Entry> group, List<AlertStore.Written> written) {
            try {
                if (!written.isEmpty()) {
                    listener.written(written);
                }
            } catch (RuntimeException e) {
                LOG.warn("Notifying alert changes failed (they are stored; the outbox retries MQTT and webhooks): {}", e.toString());
            }
            int i = 0;
            for (Entry e : group) {
                if (e instanceof Change c && !c.done.isDone()) {
                    c.done.complete(written.get(i++).record());
                }
            }
        }

        @Override
        public void failed(List<Entry> group, Exception cause) {
            fail(group, cause);
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

    private static void fail(List<Entry> group, Exception cause) {
        for (Entry e : group) {
            if (e instanceof Change c) {
                c.done.completeExceptionally(cause);
            }
        }
    }

    /** Stores what is queued (giving up after {@code drainTimeout} while the database is down), then stops. */
    public void close(Duration drainTimeout) {
        writer.close(drainTimeout);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
