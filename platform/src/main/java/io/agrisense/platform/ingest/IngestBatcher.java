package io.agrisense.platform.ingest;

import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.store.DurableWriter;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects prepared messages from every source into batches (by count, readings or time) and commits each batch
 * in one transaction through the {@link DurableWriter}; then completes each message (the MQTT ack, the HTTP/CoAP
 * answer) and publishes what was stored. A failing database keeps the batch and retries with back-off: nothing is
 * acknowledged that is not committed.
 */
public final class IngestBatcher implements ReadingWriter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestBatcher.class);
    private static final MessageOutcome NOTHING = new MessageOutcome(List.of(), 0, List.of(), List.of());
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

    /** A message (or a status update) waiting for its batch to commit. */
    record Pending(MessageRows rows, StationStatus status, CompletableFuture<MessageOutcome> done) {
        int readings() {
            return rows == null ? 0 : rows.size();
        }
    }

    /** A committed batch and how long its transaction took. */
    record TimedOutcome(BatchOutcome outcome, double seconds) {
    }

    private final Store store;
    private final IngestPipeline pipeline;
    private final StationProfiles profiles;
    private final IngestMetrics metrics;
    private final CommitListener listener;
    private final Clock clock;
    private final DurableWriter<Pending, TimedOutcome> writer;

    public IngestBatcher(Store store, IngestPipeline pipeline, StationProfiles profiles, IngestMetrics metrics,
                         CommitListener listener, PlatformConfig.Ingest settings, Clock clock) {
        this.store = store;
        this.pipeline = pipeline;
        this.profiles = profiles;
        this.metrics = metrics;
        this.listener = listener;
        this.clock = clock;
        this.writer = new DurableWriter<>(
                new DurableWriter.Settings("ingest-writer", "message", "database writes failing, retrying with back-off: ",
                        settings.queueCapacity()),
                new DurableWriter.Batching<>(settings.batchMessages(), settings.batchReadings(), settings.batchWait(),
                        Pending::readings),
                new BatchCommitter());
        metrics.watch(writer);
    }

    // ---- submitting ---------------------------------------------------------------------------------------

    /** Queues a message without blocking; the future fails at once when the queue is full or the batcher closed. */
    public CompletableFuture<MessageOutcome> submit(MessageRows rows) {
        Pending p = new Pending(rows, null, new CompletableFuture<>());
        switch (writer.offer(p)) {
            case QUEUED -> metrics.received(rows);
            case FULL -> p.done.completeExceptionally(new IngestOverloadedException(
                    "the ingest queue is full (" + writer.queued() + " messages wait for the database)"));
            case CLOSED -> p.done.completeExceptionally(shuttingDown());
        }
        return p.done;
    }

    /** Queues a message, waiting for room (MQTT: the broker holds further messages meanwhile). */
    public CompletableFuture<MessageOutcome> submitWaiting(MessageRows rows) throws InterruptedException {
        Pending p = new Pending(rows, null, new CompletableFuture<>());
        if (writer.put(p) == DurableWriter.Offer.CLOSED) {
            p.done.completeExceptionally(shuttingDown());
        } else {
            metrics.received(rows);
        }
        return p.done;
    }

    /** Queues a station status update; it is stored in the next batch. */
    public CompletableFuture<MessageOutcome> submitStatus(StationStatus status) throws InterruptedException {
        Pending p = new Pending(null, status, new CompletableFuture<>());
        if (writer.put(p) == DurableWriter.Offer.CLOSED) {
            p.done.completeExceptionally(shuttingDown());
        }
        return p.done;
    }

    private static IllegalStateException shuttingDown() {
        return new IllegalStateException("the platform is shutting down");
    }

    @Override
    public WriteResult write(List<StoredReading> readings) {
        if (writer.isWriterThread()) {
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

    /** The writer's state for {@code /health} and {@code /metrics}: down while a batch cannot be committed. */
    public DurableWriter.Health health() {
        return writer.health();
    }

    // ---- the steps of one batch (on the writer thread) ----------------------------------------------------

    private final class BatchCommitter implements DurableWriter.Committer<Pending, TimedOutcome> {

        /** Store step: one transaction for the whole batch. */
        @Override
        public TimedOutcome commit(List<Pending> batch) throws SQLException {
            List<MessageRows> messages = new ArrayList<>();
            List<StationStatus> statuses = new ArrayList<>();
            for (Pending p : batch) {
                if (p.rows != null) {
                    messages.add(p.rows);
                } else {
                    statuses.add(p.status);
                }
            }
            long start = System.nanoTime();
            BatchOutcome outcome = store.write(messages, statuses);
            return new TimedOutcome(outcome, (System.nanoTime() - start) / 1e9);
        }

        /** A message the database refuses (which validation should prevent) is recorded as rejected instead. */
        @Override
        public TimedOutcome refused(Pending p, SQLException cause) throws SQLException {
            if (p.rows == null) {
                LOG.error("The database refused a status update of station {}, not stored: {}", p.status.station(),
                        DurableWriter.firstLine(cause));
                return new TimedOutcome(new BatchOutcome(List.of(), List.of()), 0);
            }
            long start = System.nanoTime();
            MessageOutcome outcome = recordRefused(p.rows, cause);
            return new TimedOutcome(new BatchOutcome(List.of(outcome), List.of()), (System.nanoTime() - start) / 1e9);
        }

        @Override
        public TimedOutcome merge(List<TimedOutcome> parts) {
            List<MessageOutcome> messages = new ArrayList<>();
            List<StationStatus> statuses = new ArrayList<>();
            double seconds = 0;
            for (TimedOutcome c : parts) {
                messages.addAll(c.outcome().messages());
                statuses.addAll(c.outcome().statuses());
                seconds += c.seconds();
            }
            return new TimedOutcome(new BatchOutcome(messages, statuses), seconds);
        }

        /** Count → remember profiles → complete (ack) → publish. */
        @Override
        public void completed(List<Pending> batch, TimedOutcome committed) {
            List<MessageRows> messages = new ArrayList<>();
            List<Pending> messagePendings = new ArrayList<>();
            List<Pending> statusPendings = new ArrayList<>();
            int readings = 0;
            for (Pending p : batch) {
                if (p.rows != null) {
                    messages.add(p.rows);
                    messagePendings.add(p);
                    readings += p.rows.readings().size();
                } else {
                    statusPendings.add(p);
                }
            }
            BatchOutcome outcome = committed.outcome();
            metrics.committed(outcome.messages(), outcome.statuses().size(), messages.size(), readings, committed.seconds());
            for (StationStatus s : outcome.statuses()) {
                profiles.put(s.station(), s.profile());
            }
            acknowledge(messagePendings, statusPendings, outcome);
            publish(outcome, messages);
        }

        @Override
        public void failed(List<Pending> batch, Exception cause) {
            for (Pending p : batch) {
                p.done.completeExceptionally(cause);
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

    /**
     * The database refused this message on its own (SQLSTATE class 22/23): it is recorded as rejected with the
     * database's reason, or, when even that is refused, logged with the start of its payload.
     */
    private MessageOutcome recordRefused(MessageRows m, SQLException cause) throws SQLException {
        Rejection r = Rejection.ofMessage(m.station(), RejectReason.DATABASE_REFUSED,
                "the database refused this message: " + DurableWriter.firstLine(cause));
        try {
            return store.write(List.of(MessageRows.rejected(m.source(), m.receivedAt(), m.station(),
                    m.payloadExcerpt(), r)), List.of()).messages().get(0);
        } catch (SQLException e) {
            if (!DurableWriter.isDataError(e)) {
                throw e;
            }
            LOG.error("A message from {} (station {}) could not be stored nor recorded as rejected: {}; payload starts {}",
                    m.source(), m.station(), DurableWriter.firstLine(cause), m.payloadExcerpt());
            return new MessageOutcome(List.of(), 0, List.of(), List.of(r));
        }
    }

    /**
     * Stops taking messages, commits what is queued and completes it, then stops the writer. While the database
     * is down, gives up after {@code drainTimeout}: those messages stay unacknowledged (MQTT redelivers them).
     */
    public void close(java.time.Duration drainTimeout) {
        writer.close(drainTimeout);
    }

    @Override
    public void close() {
        close(java.time.Duration.ofSeconds(10));
    }
}
