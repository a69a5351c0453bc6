package io.agrisense.link.uplink;

import io.agrisense.link.buffer.QueuedRecord;
import io.agrisense.link.buffer.StoreAndForwardQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves records from the store-and-forward queue to the transport, for the agent and the gateway alike: up to
 * {@code maxRecords} queued records (and {@code maxReadings} readings) per message, as {@link UplinkMessages} makes
 * it; a window of messages awaiting acknowledgement; a record acknowledged in the queue only when its message was.
 * When the link comes back the queue is rewound and everything unacknowledged goes again, in order. A message the
 * receiver rejects as bad input, or a record that cannot be read, is dropped, counted and logged, never retried
 * forever. All state lives on one thread of its own, so a slow producer never holds up sending.
 *
 * @param <T> one queue record, read
 */
public final class UplinkPump<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UplinkPump.class);
    private static final long RETRY_PAUSE_MS = 2_000;

    private final StoreAndForwardQueue queue;
    private final UplinkMessages<T> messages;
    private final Transport transport;
    private final int maxRecords;
    private final int maxReadings;
    private final int configuredWindow;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean pokeQueued = new AtomicBoolean();

    // Confined to the executor thread. The epoch changes with every link change and retry: an answer to a message of
    // an earlier epoch still acknowledges its records but no longer counts against the window.
    private boolean linkUp;
    private long epoch;
    private int inflight;
    private long messagesSent;
    private long recordsDelivered;
    private long recordsRejected;
    private long readingsRejected;
    private long sendFailures;
    private String lastRejection;
    private volatile UplinkStats stats = new UplinkStats(false, 0, 0, 0, 0, 0, null);

    public UplinkPump(StoreAndForwardQueue queue, UplinkMessages<T> messages, Transport transport, int maxRecords,
                      int maxReadings, int window, String threadName) {
        this.queue = queue;
        this.messages = messages;
        this.transport = transport;
        this.maxRecords = maxRecords;
        this.maxReadings = maxReadings;
        this.configuredWindow = window;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        transport.start(new Transport.LinkListener() {
            @Override
            public void linkUp() {
                executor.execute(UplinkPump.this::onLinkUp);
            }

            @Override
            public void linkDown(String reason) {
                executor.execute(() -> onLinkDown(reason));
            }
        });
    }

    /** Tells the pump that records were appended; cheap, and safe to call from any thread. */
    public void poke() {
        if (pokeQueued.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    pokeQueued.set(false);
                    pump();
                });
            } catch (RejectedExecutionException closed) {
                pokeQueued.set(false);
            }
        }
    }

    public UplinkStats stats() {
        return stats;
    }

    private void onLinkUp() {
        epoch++;
        linkUp = true;
        inflight = 0;
        queue.rewind();
        publishStats();
        pump();
    }

    private void onLinkDown(String reason) {
        if (linkUp) {
            LOG.warn("Uplink down: {}; {} records wait in the queue", reason, queue.stats().records());
        }
        epoch++;
        linkUp = false;
        inflight = 0;
        publishStats();
    }

    private void pump() {
        int window = Math.max(1, Math.min(configuredWindow, transport.window()));
        while (linkUp && inflight < window) {
            List<QueuedRecord> batch = queue.next(maxRecords, maxReadings);
            if (batch.isEmpty()) {
                break;
            }
            List<Long> seqs = new ArrayList<>(batch.size());
            List<T> readable = new ArrayList<>(batch.size());
            int weight = 0;
            for (QueuedRecord r : batch) {
                seqs.add(r.seq());
                try {
                    readable.add(messages.read(r.payload()));
                    weight += r.weight();
                } catch (IllegalArgumentException e) {
                    // The CRC matched, so this is a record of an incompatible version: it cannot be sent.
                    recordsRejected++;
                    lastRejection = "unreadable queue record " + r.seq() + ": " + e.getMessage();
                    LOG.error("Dropping {}", lastRejection);
                }
            }
            if (readable.isEmpty()) {
                queue.ack(seqs);
                continue;
            }
            send(messages.message(readable), seqs, weight);
        }
        publishStats();
    }

    private void send(UplinkMessage message, List<Long> seqs, int weight) {
        long sentEpoch = epoch;
        inflight++;
        messagesSent++;
        transport.send(message, new Transport.SendCallback() {
            @Override
            public void delivered() {
                executor.execute(() -> completed(sentEpoch, seqs, null, message, weight));
            }

            @Override
            public void rejected(String reason) {
                executor.execute(() -> completed(sentEpoch, seqs, reason, message, weight));
            }

            @Override
            public void failed(String reason) {
                executor.execute(() -> sendFailed(sentEpoch, reason));
            }
        });
    }

    private void completed(long sentEpoch, List<Long> seqs, String rejection, UplinkMessage message, int weight) {
        // An acknowledgement is an acknowledgement even if the link dropped meanwhile: the receiver has the message.
        queue.ack(seqs);
        if (rejection == null) {
            recordsDelivered += seqs.size();
        } else {
            recordsRejected += seqs.size();
            readingsRejected += weight;
            lastRejection = rejection;
            LOG.error("Upstream rejected a message of {} readings on {} as bad input; dropped: {}", weight, message.topic(),
                    rejection);
        }
        if (sentEpoch == epoch) {
            inflight--;
            pump();
        }
        publishStats();
    }

    /**
     * A send failed but the link did not report a drop (a server error, a refused PUBACK): forget what is in flight
     * and send everything unacknowledged again after a pause. A failure from an earlier link is already handled.
     */
    private void sendFailed(long sentEpoch, String reason) {
        sendFailures++;
        if (sentEpoch == epoch && linkUp) {
            LOG.warn("Send failed ({}); sending the unacknowledged records again in {} ms", reason, RETRY_PAUSE_MS);
            epoch++;
            inflight = 0;
            long retryEpoch = epoch;
            executor.schedule(() -> {
                if (linkUp && epoch == retryEpoch) {
                    queue.rewind();
                    pump();
                }
            }, RETRY_PAUSE_MS, TimeUnit.MILLISECONDS);
        }
        publishStats();
    }

    private void publishStats() {
        stats = new UplinkStats(linkUp, messagesSent, recordsDelivered, recordsRejected, readingsRejected, sendFailures,
                lastRejection);
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transport.close();
    }
}
