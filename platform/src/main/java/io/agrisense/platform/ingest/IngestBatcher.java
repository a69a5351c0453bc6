package io.agrisense.platform.ingest;

import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.store.MessageOutcome;
import io.agrisense.platform.store.MessageRows;
import io.agrisense.platform.store.Reading;
import io.agrisense.platform.store.ReadingBatchWriter;
import io.agrisense.platform.store.ReadingBatchWriter.BatchOutcome;
import io.agrisense.platform.store.ReadingWriter;
import io.agrisense.platform.store.RejectReason;
import io.agrisense.platform.store.Rejection;
import io.agrisense.platform.store.StationStatus;
import io.agrisense.platform.store.StoredReading;
import io.agrisense.platform.store.WriteResult;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects prepared messages from every source into batches (by count, readings or time) and commits each batch
 * in one transaction on a single writer thread; then completes each message (the MQTT ack, the HTTP/CoAP answer)
 * and publishes what was stored. A failing database keeps the batch and retries with back-off: nothing is
 * acknowledged that is not committed.
 */
public final class IngestBatcher implements ReadingWriter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestBatcher.class);
    private static final MessageOutcome NOTHING = new MessageOutcome(List.of(), 0, List.of(), List.of());
    private static final long MAX_BACKOFF_MS = 5000;
    static final java.time.Duration WRITE_TIMEOUT = java.time.Duration.ofSeconds(30);

    /** Commits a batch in one transaction ({@link ReadingBatchWriter#write} in production). */
    @FunctionalInterface
    public interface Store {
        BatchOutcome write(List<MessageRows> messages, List<StationStatus> statuses) throws SQLException;
    }

    /** Told about each commit, after the messages were completed (acknowledged). */
    public interface CommitListener {
        void committed(ReadingBatch readings, List<StationStatusEvent> statuses);
    }

    /** The writer's state for {@code /health}: down while a batch cannot be committed. */
    public record Health(boolean up, String detail, int queued) {
    }

    /** A message (or a status update) waiting for its batch to commit. */
    record Pending(MessageRows rows, StationStatus status, CompletableFuture<MessageOutcome> done) {
        int readings() {
            return rows == null ? 0 : rows.size();
        }
    }

    private final Store writer;
    private final IngestPipeline pipeline;
    private final StationProfiles profiles;
    private final IngestMetrics metrics;
    private final CommitListener listener;
    private final PlatformConfig.Ingest settings;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    private volatile boolean accepting = true;
    private volatile boolean running = true;
    private volatile long giveUpAtNanos = Long.MAX_VALUE;
    private volatile String failure;

    public IngestBatcher(Store writer, IngestPipeline pipeline, StationProfiles profiles, IngestMetrics metrics,
                         CommitListener listener, PlatformConfig.Ingest settings, Clock clock) {
        this.writer = writer;
        this.pipeline = pipeline;
        this.profiles = profiles;
        this.metrics = metrics;
        this.listener = listener;
        this.settings = settings;
        this.clock = clock;
        this.queue = new LinkedBlockingQueue<>(settings.queueCapacity());
        this.thread = new Thread(this::run, "agri-ingest-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    // ---- submitting ---------------------------------------------------------------------------------------

    /** Queues a message without blocking; the future fails at once when the queue is full or the batcher closed. */
    public CompletableFuture<MessageOutcome> submit(MessageRows rows) {
        Pending p = new Pending(rows, null, new CompletableFuture<>());
        if (!accepting) {
            p.done.completeExceptionally(new IllegalStateException("the platform is shutting down"));
        } else if (!queue.offer(p)) {
            p.done.completeExceptionally(new IngestOverloadedException(
                    "the ingest queue is full (" + queue.size() + " messages wait for the database)"));
        } else {
            metrics.received(rows.source());
        }
        return p.done;
    }

    /** Queues a message, waiting for room (MQTT: the broker holds further messages meanwhile). */
    public CompletableFuture<MessageOutcome> submitWaiting(MessageRows rows) throws InterruptedException {
        Pending p = new Pending(rows, null, new CompletableFuture<>());
        if (!accepting) {
            p.done.completeExceptionally(new IllegalStateException("the platform is shutting down"));
            return p.done;
        }
        queue.put(p);
        metrics.received(rows.source());
        return p.done;
    }

    /** Queues a station status update; it is stored in the next batch. */
    public CompletableFuture<MessageOutcome> submitStatus(StationStatus status) throws InterruptedException {
        Pending p = new Pending(null, status, new CompletableFuture<>());
        if (!accepting) {
            p.done.completeExceptionally(new IllegalStateException("the platform is shutting down"));
            return p.done;
        }
        queue.put(p);
        return p.done;
    }

    @Override
    public WriteResult write(List<StoredReading> readings) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("ReadingWriter.write must not be called from the ingest writer thread");
        }
        IngestPipeline.Prepared prepared = pipeline.fromPlatform(readings, clock.instant());
        try {
            MessageOutcome o = submit(prepared.rows()).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new WriteResult(o.stored().size(), o.duplicates(), o.rejections());
        } catch (ExecutionException e) {
            throw new IllegalStateException("derived readings not stored: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("derived readings not committed within " + WRITE_TIMEOUT.toSeconds()
                    + " s (database unavailable?); writing them again is safe");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit", e);
        }
    }

    public Health health() {
        String f = failure;
        return new Health(f == null, f == null ? "ok" : f, queue.size());
    }

    // ---- the writer thread --------------------------------------------------------------------------------

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first != null) {
                    commit(collect(first));
                }
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException e) {
                LOG.error("Ingest writer failed unexpectedly; continuing", e);
            }
        }
        failRemaining(new IllegalStateException("the platform stopped before this message was stored"));
    }

    /**
     * Takes further messages until the batch is full or {@code batchWait} has passed since the first. With the default
     * of zero it takes what is queued and commits at once (group commit): messages arriving during a commit form the
     * next batch, so batches grow with the load and a lone reading is not held back.
     */
    private List<Pending> collect(Pending first) throws InterruptedException {
        List<Pending> batch = new ArrayList<>();
        batch.add(first);
        int readings = first.readings();
        long deadline = System.nanoTime() + settings.batchWait().toNanos();
        while (batch.size() < settings.batchMessages() && readings < settings.batchReadings()) {
            long wait = deadline - System.nanoTime();
            Pending next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                break;
            }
            batch.add(next);
            readings += next.readings();
        }
        return batch;
    }

    /** Store → complete (ack) → publish, for one batch. */
    void commit(List<Pending> batch) {
        List<MessageRows> messages = new ArrayList<>();
        List<Pending> messagePendings = new ArrayList<>();
        List<StationStatus> statuses = new ArrayList<>();
        List<Pending> statusPendings = new ArrayList<>();
        int readings = 0;
        for (Pending p : batch) {
            if (p.rows != null) {
                messages.add(p.rows);
                messagePendings.add(p);
                readings += p.rows.readings().size();
            } else {
                statuses.add(p.status);
                statusPendings.add(p);
            }
        }
        long start = System.nanoTime();
        BatchOutcome outcome;
        try {
            outcome = store(messages, statuses);
        } catch (GiveUp e) {
            for (Pending p : batch) {
                p.done.completeExceptionally(e);
            }
            return;
        }
        metrics.committed(outcome.messages(), outcome.statuses().size(), messages.size(), readings,
                (System.nanoTime() - start) / 1e9);
        for (StationStatus s : outcome.statuses()) {
            profiles.put(s.station(), s.profile());
        }
        acknowledge(messagePendings, statusPendings, outcome);
        publish(outcome, messages);
    }

    /** Store step: one transaction for the whole batch, retried with back-off while the database fails. */
    private BatchOutcome store(List<MessageRows> messages, List<StationStatus> statuses) throws GiveUp {
        long backoff = 100;
        Isolation isolation = null;
        while (true) {
            try {
                BatchOutcome out = isolation == null ? writer.write(messages, statuses) : isolation.finish();
                if (failure != null) {
                    LOG.info("Database writes work again; the held batch of {} messages is committed", messages.size());
                    failure = null;
                }
                return out;
            } catch (SQLException e) {
                if (isolation == null && isDataError(e)) {
                    LOG.error("The database refused a batch ({}); writing its {} messages one by one", firstLine(e), messages.size());
                    isolation = new Isolation(messages, statuses);
                    continue;
                }
                metrics.writeFailures.inc();
                if (failure == null) {
                    LOG.warn("Database write failed, holding {} messages unacknowledged and retrying: {}", messages.size(), firstLine(e));
                }
                failure = "database writes failing, retrying with back-off: " + firstLine(e);
                if (System.nanoTime() > giveUpAtNanos) {
                    throw new GiveUp("the database was unavailable until shutdown: " + firstLine(e));
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    if (!running) {
                        throw new GiveUp("the platform stopped while the database was unavailable");
                    }
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    /** Ack step: completing a message acknowledges it to its sender (MQTT PUBACK, HTTP 200, CoAP 2.04). */
    static void acknowledge(List<Pending> messages, List<Pending> statuses, BatchOutcome outcome) {
        for (int i = 0; i < messages.size(); i++) {
            messages.get(i).done.complete(outcome.messages().get(i));
        }
        for (Pending p : statuses) {
            p.done.complete(NOTHING);
        }
    }

    /** Publish step: the newly stored readings (not duplicates) and the applied status changes. */
    private void publish(BatchOutcome outcome, List<MessageRows> messages) {
        try {
            listener.committed(readingBatch(outcome.messages(), messages, profiles), statusEvents(outcome.statuses()));
        } catch (RuntimeException e) {
            LOG.warn("Publishing committed readings failed: {}", e.toString());
        }
    }

    /** {@code messages} are the batch's messages in the order of {@code outcomes} (for their receive times). */
    static ReadingBatch readingBatch(List<MessageOutcome> outcomes, List<MessageRows> messages, StationProfiles profiles) {
        List<StoredReading> stored = new ArrayList<>();
        List<Instant> received = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Instant receivedAt = i < messages.size() ? messages.get(i).receivedAt() : null;
            for (Reading r : outcomes.get(i).stored()) {
                stored.add(new StoredReading(r.station(), profiles.of(r.station()), r.metric(), r.time(), r.value()));
                received.add(receivedAt);
            }
        }
        return new ReadingBatch(stored, received);
    }

    static List<StationStatusEvent> statusEvents(List<StationStatus> applied) {
        List<StationStatusEvent> events = new ArrayList<>(applied.size());
        for (StationStatus s : applied) {
            events.add(new StationStatusEvent(s.station(), s.online(), s.time(), s.profile()));
        }
        return events;
    }

    static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private void failRemaining(Exception cause) {
        Pending p;
        while ((p = queue.poll()) != null) {
            p.done.completeExceptionally(cause);
        }
    }

    /**
     * Stops taking messages, commits what is queued and completes it, then stops the writer. While the database
     * is down, gives up after {@code drainTimeout}: those messages stay unacknowledged (MQTT redelivers them).
     */
    public void close(java.time.Duration drainTimeout) {
        accepting = false;
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
        close(java.time.Duration.ofSeconds(10));
    }

    /** The batch could not be committed before shutdown. */
    static final class GiveUp extends Exception {
        private static final long serialVersionUID = 1L;

        GiveUp(String message) {
            super(message);
        }
    }

    /**
     * After the database refused a batch's data (SQLSTATE class 22/23, which validation should prevent), the
     * batch is written message by message so one bad message cannot block the others; the refused message is
     * recorded as rejected. Resumable: a transient failure midway retries from the first unwritten message.
     */
    private final class Isolation {
        private final List<MessageRows> messages;
        private final List<StationStatus> statuses;
        private final MessageOutcome[] done;
        private int next;
        private List<StationStatus> applied;

        Isolation(List<MessageRows> messages, List<StationStatus> statuses) {
            this.messages = messages;
            this.statuses = statuses;
            this.done = new MessageOutcome[messages.size()];
        }

        BatchOutcome finish() throws SQLException {
            for (; next < messages.size(); next++) {
                MessageRows m = messages.get(next);
                try {
                    done[next] = writer.write(List.of(m), List.of()).messages().get(0);
                } catch (SQLException e) {
                    if (!isDataError(e)) {
                        throw e;
                    }
                    done[next] = refuse(m, e);
                }
            }
            if (applied == null) {
                applied = statuses.isEmpty() ? List.of() : writer.write(List.of(), statuses).statuses();
            }
            return new BatchOutcome(List.of(done), applied);
        }

        private MessageOutcome refuse(MessageRows m, SQLException cause) throws SQLException {
            Rejection r = Rejection.ofMessage(m.station(), RejectReason.DATABASE_REFUSED,
                    "the database refused this message: " + firstLine(cause));
            try {
                return writer.write(List.of(MessageRows.rejected(m.source(), m.receivedAt(), m.station(),
                        m.payloadExcerpt(), r)), List.of()).messages().get(0);
            } catch (SQLException e) {
                if (!isDataError(e)) {
                    throw e;
                }
                LOG.error("A message from {} (station {}) could not be stored nor recorded as rejected: {}; payload starts {}",
                        m.source(), m.station(), firstLine(cause), m.payloadExcerpt());
                return new MessageOutcome(List.of(), 0, List.of(), List.of(r));
            }
        }
    }

}
