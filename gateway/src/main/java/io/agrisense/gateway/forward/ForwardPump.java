package io.agrisense.gateway.forward;

import io.agrisense.link.buffer.QueuedRecord;
import io.agrisense.link.buffer.StoreAndForwardQueue;
import io.agrisense.link.mqtt.MqttTransport;
import io.agrisense.link.uplink.Transport;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves packs from the disk queue to the broker, one QoS 1 publish per pack on {@code agri/v1/<station>/telemetry},
 * payload as received, a window of publishes awaiting their PUBACK. A record leaves the queue only when its PUBACK
 * came; when the link comes back the queue is rewound and everything unacknowledged goes again, in order. A pack the
 * broker refuses as bad input is dropped, counted and logged. All state lives on one thread of its own.
 */
public final class ForwardPump implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ForwardPump.class);
    private static final long RETRY_PAUSE_MS = 2_000;

    /** What the pump has done since start. */
    public record Stats(boolean linkUp, long published, long delivered, long rejected, long sendFailures) {
    }

    private final StoreAndForwardQueue queue;
    private final MqttTransport link;
    private final int configuredWindow;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean pokeQueued = new AtomicBoolean();

    // Confined to the executor thread.
    private boolean linkUp;
    private long epoch;
    private int inflight;
    private long published;
    private long delivered;
    private long rejected;
    private long sendFailures;
    private volatile Stats stats = new Stats(false, 0, 0, 0, 0);

    public ForwardPump(StoreAndForwardQueue queue, MqttTransport link, int window, String threadName) {
        this.queue = queue;
        this.link = link;
        this.configuredWindow = window;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        link.start(new Transport.LinkListener() {
            @Override
            public void linkUp() {
                executor.execute(ForwardPump.this::onLinkUp);
            }

            @Override
            public void linkDown(String reason) {
                executor.execute(() -> onLinkDown(reason));
            }
        });
    }

    /** Appends a pack to the disk queue (durable per the fsync policy when this returns) and wakes the pump. */
    public void submit(StationId station, byte[] payload, int readings) {
        queue.append(new ForwardRecord(station, payload).encode(), readings);
        poke();
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

    public Stats stats() {
        return stats;
    }

    private void onLinkUp() {
        epoch++;
        linkUp = true;
        inflight = 0;
        queue.rewind();
        pump();
    }

    private void onLinkDown(String reason) {
        if (linkUp) {
            LOG.warn("Broker link down: {}; {} packs wait in the queue", reason, queue.stats().records());
        }
        epoch++;
        linkUp = false;
        inflight = 0;
        publishStats();
    }

    private void pump() {
        int window = Math.max(1, Math.min(configuredWindow, link.window()));
        while (linkUp && inflight < window) {
            List<QueuedRecord> batch = queue.next(window - inflight, Integer.MAX_VALUE);
            if (batch.isEmpty()) {
                break;
            }
            for (QueuedRecord r : batch) {
                send(r);
            }
        }
        publishStats();
    }

    private void send(QueuedRecord r) {
        ForwardRecord record;
        try {
            record = ForwardRecord.decode(r.payload());
        } catch (IllegalArgumentException e) {
            // The CRC matched, so this is a record of an incompatible gateway version: it cannot be sent.
            rejected++;
            LOG.error("Dropping unreadable queue record {}: {}", r.seq(), e.getMessage());
            queue.ack(List.of(r.seq()));
            return;
        }
        long sentEpoch = epoch;
        inflight++;
        published++;
        link.send(Topics.telemetry(record.station()), record.payload(), new Transport.SendCallback() {
            @Override
            public void delivered() {
                executor.execute(() -> completed(sentEpoch, r.seq(), null));
            }

            @Override
            public void rejected(String reason) {
                executor.execute(() -> completed(sentEpoch, r.seq(), reason + " (station " + record.station() + ")"));
            }

            @Override
            public void failed(String reason) {
                executor.execute(() -> sendFailed(sentEpoch, reason));
            }
        });
    }

    private void completed(long sentEpoch, long seq, String rejection) {
        // A PUBACK is a PUBACK even if the link dropped meanwhile: the broker has the pack.
        queue.ack(List.of(seq));
        if (rejection == null) {
            delivered++;
        } else {
            rejected++;
            LOG.error("Broker refused a pack; dropped: {}", rejection);
        }
        if (sentEpoch == epoch) {
            inflight--;
            pump();
        }
        publishStats();
    }

    /** A publish failed without a link drop: forget what is in flight and resend the unacknowledged after a pause. */
    private void sendFailed(long sentEpoch, String reason) {
        sendFailures++;
        if (sentEpoch == epoch && linkUp) {
            LOG.warn("Publish failed ({}); sending the unacknowledged packs again in {} ms", reason, RETRY_PAUSE_MS);
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
        stats = new Stats(linkUp, published, delivered, rejected, sendFailures);
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.close();
    }
}
