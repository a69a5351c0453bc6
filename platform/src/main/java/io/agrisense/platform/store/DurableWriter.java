package io.agrisense.platform.store;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write-behind to PostgreSQL for ingest, the alert journal and the notification outbox: entries are queued without
 * touching the database, and one writer thread takes them in three steps. <em>Collect</em> a batch from the queue;
 * <em>commit</em> it in one transaction, retried with back-off while the database fails (a batch the database refuses
 * as data, SQLSTATE class 22 or 23, is written entry by entry so one bad entry cannot hold up the others); then
 * <em>complete</em> it (acknowledge, publish), batch after batch in submission order. Nothing is completed that is not
 * committed. At shutdown it commits what is queued; while the database is still down after the drain timeout it gives
 * up, and the given-up entries fail instead of completing (MQTT then redelivers them).
 *
 * <p>The steps are kept apart so that several batches can later be committed at once on more than one connection
 * while completions are still released in submission order.
 *
 * @param <T> one queued entry (a message, an alert change, a delivery outcome)
 * @param <R> what committing a batch of them returns
 */
public final class DurableWriter<T, R> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DurableWriter.class);
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5000;
    private static final long POLL_MS = 50;

    /** What the owner of a writer supplies: how a batch is written, and what follows its commit. */
    public interface Committer<T, R> {

        /** Writes the batch in one transaction, or throws with nothing written. */
        R commit(List<T> batch) throws SQLException;

        /** The result for an entry the database refuses as data even on its own: record it as refused, or fail it. */
        R refused(T entry, SQLException cause) throws SQLException;

        /** The result of a batch from those of its entries committed one by one, in batch order. */
        R merge(List<R> parts);

        /** After the commit, on the writer thread, batch after batch in submission order: acknowledge, publish. */
        void completed(List<T> batch, R result);

        /** The batch is not committed and will not be (given up at shutdown): fail its entries, acknowledge nothing. */
        void failed(List<T> batch, Exception cause);
    }

    /**
     * How entries are grouped: a batch closes at {@code maxEntries} or {@code maxWeight} (e.g. readings), or when
     * {@code linger} has passed since its first entry. With a linger of zero it takes what is queued and commits at
     * once (group commit): entries arriving during a commit form the next batch, so batches grow with the load.
     */
    public record Batching<T>(int maxEntries, long maxWeight, Duration linger, ToIntFunction<? super T> weight) {

        /** Up to {@code maxEntries} of what is queued, without waiting for more. */
        public static <T> Batching<T> upTo(int maxEntries) {
            return new Batching<>(maxEntries, Long.MAX_VALUE, Duration.ZERO, e -> 1);
        }
    }

    /**
     * @param name     the writer's name in logs and its thread's ({@code agri-<name>})
     * @param noun     one entry in messages to callers ("message", "alert change")
     * @param failing  what {@code /health} says while commits fail, before the database's first line
     * @param capacity the queue's bound; submitting to a full queue fails or waits
     */
    public record Settings(String name, String noun, String failing, int capacity) {
    }

    /**
     * The writer's state: {@code failure} is null while commits succeed; {@code stalled} is how long entries have
     * waited (queued or being committed) since the last commit, zero when there is nothing to write.
     */
    public record Health(String failure, int queued, int inFlight, Duration stalled) {

        public boolean up() {
            return failure == null;
        }

        public String detail() {
            return failure == null ? "ok" : failure;
        }
    }

    /** Why a submission was not queued. */
    public enum Offer { QUEUED, FULL, CLOSED }

    /** The batch was not committed before shutdown. */
    public static final class NotCommitted extends Exception {
        private static final long serialVersionUID = 1L;

        NotCommitted(String message) {
            super(message);
        }
    }

    private final Settings settings;
    private final Batching<T> batching;
    private final Committer<T, R> committer;
    private final BlockingQueue<T> queue;
    private final Thread thread;
    private final LongAdder writeFailures = new LongAdder();
    private volatile boolean accepting = true;
    private volatile boolean running = true;
    private volatile long giveUpAtNanos = Long.MAX_VALUE;
    private volatile String failure;
    private volatile int inFlight;
    private volatile long progressNanos = System.nanoTime();
    private boolean idle = true;

    public DurableWriter(Settings settings, Batching<T> batching, Committer<T, R> committer) {
        this.settings = settings;
        this.batching = batching;
        this.committer = committer;
        this.queue = new LinkedBlockingQueue<>(settings.capacity());
        this.thread = new Thread(this::run, "agri-" + settings.name());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    // ---- submitting ---------------------------------------------------------------------------------------

    /** Queues without blocking. */
    public Offer offer(T entry) {
        if (!accepting) {
            return Offer.CLOSED;
        }
        return queue.offer(entry) ? Offer.QUEUED : Offer.FULL;
    }

    /** Queues, waiting for room while the queue is full. */
    public Offer put(T entry) throws InterruptedException {
        if (!accepting) {
            return Offer.CLOSED;
        }
        queue.put(entry);
        return Offer.QUEUED;
    }

    public int queued() {
        return queue.size();
    }

    /** Failed commit attempts since the start (each retry counts). */
    public long writeFailures() {
        return writeFailures.sum();
    }

    public Health health() {
        int waiting = inFlight;
        int queued = queue.size();
        Duration stalled = waiting + queued == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - progressNanos);
        return new Health(failure, queued, waiting, stalled);
    }

    /** Whether the caller is the writer thread (which must never wait for its own commits). */
    public boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    // ---- the writer thread --------------------------------------------------------------------------------

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                List<T> batch = collect();
                if (!batch.isEmpty()) {
                    write(batch);
                }
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            }
        }
        failRemaining();
    }

    /** Collect step: the next batch, or nothing after a short wait. */
    private List<T> collect() throws InterruptedException {
        T first = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
        if (first == null) {
            idle = true;
            return List.of();
        }
        if (idle) { // work after a quiet spell: the stall clock starts now, not at the last commit
            progressNanos = System.nanoTime();
            idle = false;
        }
        List<T> batch = new ArrayList<>();
        batch.add(first);
        long weight = batching.weight().applyAsInt(first);
        long deadline = System.nanoTime() + batching.linger().toNanos();
        while (batch.size() < batching.maxEntries() && weight < batching.maxWeight()) {
            long wait = deadline - System.nanoTime();
            T next;
            try {
                next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
            } catch (InterruptedException e) {
                break; // stopping: what was taken is still written or failed, never dropped
            }
            if (next == null) {
                break;
            }
            batch.add(next);
            weight += batching.weight().applyAsInt(next);
        }
        return batch;
    }

    /** One batch through the commit step, then the complete step for what was committed. */
    private void write(List<T> batch) {
        inFlight = batch.size();
        try {
            Commit<T, R> c = commit(batch);
            if (!c.entries().isEmpty()) {
                progressNanos = System.nanoTime();
                complete(c.entries(), c.result());
            }
            if (!c.left().isEmpty()) {
                committer.failed(c.left(), c.why());
            }
        } catch (RuntimeException e) {
            LOG.error("{}: writing a batch of {} {}(s) failed unexpectedly; they are not stored", settings.name(),
                    batch.size(), settings.noun(), e);
            committer.failed(batch, e);
        } finally {
            inFlight = 0;
        }
    }

    /**
     * What the commit step did with a batch: committed {@code entries} (the whole batch, or, when it gave up while
     * writing entry by entry, the first ones) with their result, and {@code left} not committed because of {@code why}.
     */
    record Commit<T, R>(List<T> entries, R result, List<T> left, NotCommitted why) {
    }

    /** Commit step: one transaction, or entry by entry after the database refused the batch's data. */
    Commit<T, R> commit(List<T> batch) {
        try {
            return new Commit<>(batch, retrying(batch.size(), () -> committer.commit(batch), true), List.of(), null);
        } catch (NotCommitted e) {
            return new Commit<>(List.of(), null, batch, e);
        } catch (Refused refused) {
            LOG.error("{}: the database refused a batch ({}); writing its {} {}(s) one by one", settings.name(),
                    firstLine((SQLException) refused.getCause()), batch.size(), settings.noun());
            List<R> parts = new ArrayList<>(batch.size());
            try {
                for (T entry : batch) {
                    parts.add(retrying(1, () -> alone(entry), false));
                }
            } catch (NotCommitted e) {
                return new Commit<>(batch.subList(0, parts.size()), committer.merge(parts),
                        batch.subList(parts.size(), batch.size()), e);
            }
            return new Commit<>(batch, committer.merge(parts), List.of(), null);
        }
    }

    private R alone(T entry) throws SQLException {
        try {
            return committer.commit(List.of(entry));
        } catch (SQLException e) {
            if (!isDataError(e)) {
                throw e;
            }
            return committer.refused(entry, e);
        }
    }

    /** Runs {@code work} until it succeeds, backing off while the database fails; gives up only at shutdown. */
    private R retrying(int entries, Work<R> work, boolean refuseOnDataError) throws NotCommitted {
        long backoff = FIRST_BACKOFF_MS;
        while (true) {
            try {
                R result = work.run();
                if (failure != null) {
                    LOG.info("{}: database writes work again; the held {} {}(s) are committed", settings.name(), entries,
                            settings.noun());
                    failure = null;
                }
                return result;
            } catch (SQLException e) {
                if (refuseOnDataError && isDataError(e)) {
                    throw new Refused(e);
                }
                writeFailures.increment();
                if (failure == null) {
                    LOG.warn("{}: database write failed, holding {} {}(s) uncommitted and retrying: {}", settings.name(),
                            entries, settings.noun(), firstLine(e));
                }
                failure = settings.failing() + firstLine(e);
                if (System.nanoTime() > giveUpAtNanos) {
                    LOG.error("{}: the database was unavailable until shutdown; {} {}(s) not stored", settings.name(),
                            entries, settings.noun());
                    throw new NotCommitted("the database was unavailable until shutdown: " + firstLine(e));
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    if (!running) {
                        throw new NotCommitted("the platform stopped while the database was unavailable");
                    }
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    /** Complete step: in submission order, after the commit. */
    private void complete(List<T> batch, R result) {
        try {
            committer.completed(batch, result);
        } catch (RuntimeException e) {
            LOG.warn("{}: completing a committed batch failed (it is stored): {}", settings.name(), e.toString());
        }
    }

    private void failRemaining() {
        List<T> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            committer.failed(rest, new IllegalStateException(
                    "the platform stopped before this " + settings.noun() + " was stored"));
        }
    }

    /**
     * Stops taking entries, commits what is queued and completes it, then stops the thread. While the database is
     * down, gives up after {@code drainTimeout}: those entries fail, unacknowledged.
     */
    public void close(Duration drainTimeout) {
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
        close(Duration.ofSeconds(10));
    }

    /** The database refused the data itself (SQLSTATE class 22 data exception, 23 integrity constraint). */
    public static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /** The first line of an exception's message (PostgreSQL adds detail lines). */
    public static String firstLine(Exception e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }

    @FunctionalInterface
    private interface Work<R> {
        R run() throws SQLException;
    }

    /** The batch's data was refused: write it entry by entry. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(SQLException cause) {
            super(null, cause, false, false);
        }
    }
}
