package io.agrisense.bench.ingest;

import io.agrisense.link.mqtt.MqttConnection;
import io.agrisense.link.mqtt.MqttSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The stations: {@code publishers} Paho MQTT 5 clients, each publishing the packs of every {@code publishers}-th
 * station in turn at QoS 1. A client keeps as many PUBLISHes unacknowledged as the broker's Receive Maximum allows
 * (at most {@code maxInFlight}); all clients together keep at most the ledger's outstanding permits between publish
 * and arrival. With a target rate, packs leave at evenly spaced instants; without one, as fast as those windows allow.
 */
final class LoadGenerator implements AutoCloseable {

    /** Paho's "too many publishes in progress" (32202; MQTT v3's REASON_CODE_MAX_INFLIGHT, unnamed in the v5 client). */
    static final int TOO_MANY_IN_FLIGHT = 32202;

    private final PackSchedule schedule;
    private final DeliveryLedger ledger;
    private final IntFunction<String> topicOfStation;
    private final long intervalNanos;
    private final AtomicLong nextSlot = new AtomicLong();
    private final List<Publisher> publishers = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;

    /**
     * @param packsPerSecond 0 for as fast as the windows allow
     */
    LoadGenerator(String serverUri, String clientIdPrefix, int publisherCount, int maxInFlight, PackSchedule schedule,
                  DeliveryLedger ledger, IntFunction<String> topicOfStation, double packsPerSecond) throws MqttException {
        this.schedule = schedule;
        this.ledger = ledger;
        this.topicOfStation = topicOfStation;
        this.intervalNanos = packsPerSecond > 0 ? (long) (1e9 / packsPerSecond) : 0;
        try {
            for (int p = 0; p < publisherCount; p++) {
                publishers.add(new Publisher(p, publisherCount, serverUri, clientIdPrefix + "-pub" + p, maxInFlight));
            }
        } catch (MqttException e) {
            close();
            throw e;
        }
    }

    /** The smallest per-client window granted, after the brokers' Receive Maximum. */
    int inFlightWindow() {
        return publishers.stream().mapToInt(p -> p.windowSize).min().orElse(0);
    }

    void start() {
        nextSlot.set(System.nanoTime());
        for (Publisher p : publishers) {
            p.thread.start();
        }
    }

    /** Stops publishing and waits until the broker acknowledged every pack handed to a client. */
    void stop() throws InterruptedException {
        running = false;
        for (Publisher p : publishers) {
            p.thread.interrupt();
            p.thread.join(10_000);
        }
        for (Publisher p : publishers) {
            if (!p.window.tryAcquire(p.windowSize, 30, TimeUnit.SECONDS)) {
                failure.compareAndSet(null, new IllegalStateException(p.clientId + ": PUBACKs missing after 30 s"));
            }
        }
    }

    /** The first publish error, or null. */
    Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() {
        running = false;
        for (Publisher p : publishers) {
            p.disconnect();
        }
    }

    private final class Publisher implements Runnable {
        private final int index;
        private final int stride;
        private final String clientId;
        private final MqttConnection client;
        private final int windowSize;
        private final Semaphore window;
        private final Thread thread;

        Publisher(int index, int stride, String serverUri, String clientId, int maxInFlight) throws MqttException {
            this.index = index;
            this.stride = stride;
            this.clientId = clientId;
            this.client = new MqttConnection(MqttSettings.builder(serverUri, clientId).noReconnect().build(),
                    new MqttConnection.Events() {
                        @Override
                        public void connected(MqttConnection c) {
                        }

                        @Override
                        public void disconnected(String reason) {
                            failure.compareAndSet(null, new IllegalStateException(clientId + ": lost the broker: " + reason));
                        }
                    });
            client.connect(Duration.ofSeconds(15));
            this.windowSize = Math.min(maxInFlight, client.serverReceiveMaximum());
            this.window = new Semaphore(windowSize);
            this.thread = new Thread(this, clientId);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            long seq = 0;
            try {
                while (running) {
                    for (int station = index; station < schedule.stations() && running; station += stride) {
                        publish(station, seq);
                    }
                    seq++;
                }
            } catch (InterruptedException e) {
                // stopped
            } catch (MqttException | RuntimeException e) {
                failure.compareAndSet(null, new IllegalStateException(clientId + ": " + e.getMessage(), e));
                running = false;
            }
        }

        private void publish(int station, long seq) throws InterruptedException, MqttException {
            byte[] payload = schedule.pack(station, seq);
            ledger.outstanding().acquire();
            window.acquire();
            try {
                pace();
            } catch (InterruptedException e) {
                window.release();
                throw e;
            }
            ledger.published(station, seq, System.nanoTime());
            while (true) {
                try {
                    client.publish(topicOfStation.apply(station), payload, 1, false, new Released());
                    return;
                } catch (MqttException e) {
                    // Paho counts a PUBACK's slot free a moment after our listener ran: wait for it.
                    if (e.getReasonCode() != TOO_MANY_IN_FLIGHT) {
                        throw e;
                    }
                    LockSupport.parkNanos(50_000);
                }
            }
        }

        private void pace() throws InterruptedException {
            if (intervalNanos == 0) {
                return;
            }
            long slot = nextSlot.getAndAdd(intervalNanos);
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }

        void disconnect() {
            client.close();
        }

        private final class Released implements MqttActionListener {
            @Override
            public void onSuccess(IMqttToken token) {
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                failure.compareAndSet(null, new IllegalStateException(clientId + ": publish failed: " + e.getMessage(), e));
                window.release();
            }
        }
    }
}
