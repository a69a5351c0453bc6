package io.agrisense.platform.ingest;

import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.store.MessageOutcome;
import io.agrisense.protocol.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to every station's telemetry and status with a persistent MQTT 5 session and MANUAL acks:
 * a message is acknowledged only after the transaction holding its readings committed, so a crash between
 * receipt and commit makes the broker redeliver it (and idempotent storage keeps it once). Receive Maximum is
 * raised so thousands of messages can wait for one batch.
 */
public final class MqttIngest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttIngest.class);

    /** The ack step: sends the PUBACK of one message. */
    interface Acknowledger {
        void ack(int messageId, int qos) throws MqttException;
    }

    private final PlatformConfig.Mqtt settings;
    private final String serverUri;
    private final IngestPipeline pipeline;
    private final IngestBatcher batcher;
    private final Clock clock;
    private final MqttAsyncClient client;
    private final Acknowledger acknowledger;
    private final ScheduledExecutorService connector;
    // Bumped on every connection loss: a message received on an earlier connection is redelivered by the
    // broker on the new one, so it must not be acknowledged with its stale packet id.
    private final AtomicInteger connection = new AtomicInteger();
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private volatile boolean receiving = true;
    private volatile boolean closed;

    public MqttIngest(PlatformConfig.Mqtt settings, String serverUri, IngestPipeline pipeline, IngestBatcher batcher, Clock clock) {
        this(settings, serverUri, pipeline, batcher, clock, c -> c::messageArrivedComplete);
    }

    MqttIngest(PlatformConfig.Mqtt settings, String serverUri, IngestPipeline pipeline, IngestBatcher batcher, Clock clock,
               Function<MqttAsyncClient, Acknowledger> acknowledgers) {
        this.settings = settings;
        this.serverUri = serverUri;
        this.pipeline = pipeline;
        this.batcher = batcher;
        this.clock = clock;
        try {
            this.client = new MqttAsyncClient(serverUri, settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("bad MQTT broker URL '" + serverUri + "': " + e.getMessage(), e);
        }
        this.client.setManualAcks(true);
        this.client.setCallback(new Callback());
        this.acknowledger = acknowledgers.apply(client);
        this.connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agri-mqtt-connect");
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects in the background, retrying with back-off until the broker answers; Paho reconnects after that. */
    public void start() {
        connector.execute(() -> connect(1));
    }

    /** Waits until the first subscription is in place. */
    public boolean awaitSubscribed(java.time.Duration timeout) throws InterruptedException {
        return subscribed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean connected() {
        return client.isConnected();
    }

    public String serverUri() {
        return serverUri;
    }

    MqttConnectionOptions options() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setServerURIs(new String[] {serverUri});
        o.setCleanStart(false);
        o.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
        o.setReceiveMaximum(settings.receiveMaximum());
        o.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        o.setConnectionTimeout(10);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 30);
        return o;
    }

    private void connect(int attempt) {
        if (closed) {
            return;
        }
        try {
            client.connect(options(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // subscriptions are made in connectComplete, also after automatic reconnects
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    retry(attempt, e);
                }
            });
        } catch (MqttException e) {
            retry(attempt, e);
        }
    }

    private void retry(int attempt, Throwable e) {
        if (closed) {
            return;
        }
        long delay = Math.min(30, 1L << Math.min(attempt - 1, 5));
        if (attempt == 1 || attempt % 10 == 0) {
            LOG.warn("Cannot connect to the MQTT broker {} ({}); retrying every {} s", serverUri, e.getMessage(), delay);
        }
        connector.schedule(() -> connect(attempt + 1), delay, TimeUnit.SECONDS);
    }

    /**
     * Telemetry is shared among the platform instances of a share group; status is not (retained messages are
     * not sent to shared subscriptions, and every instance needs every station's state).
     */
    MqttSubscription[] subscriptions() {
        String telemetry = settings.shareGroup() == null ? Topics.ALL_TELEMETRY : Topics.shared(settings.shareGroup(), Topics.ALL_TELEMETRY);
        return new MqttSubscription[] {new MqttSubscription(telemetry, 1), new MqttSubscription(Topics.ALL_STATUS, 1)};
    }

    private void subscribe() {
        MqttSubscription[] subs = subscriptions();
        String telemetry = subs[0].getTopic();
        try {
            client.subscribe(subs, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    LOG.info("Subscribed to {} and {} on {} (client id {}, persistent session, manual acks, receive maximum {})",
                            telemetry, Topics.ALL_STATUS, serverUri, settings.clientId(), settings.receiveMaximum());
                    subscribed.countDown();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.error("Subscribing to {} failed: {}", telemetry, e.getMessage());
                }
            }, new MqttProperties());
        } catch (MqttException e) {
            LOG.error("Subscribing to {} failed: {}", telemetry, e.getMessage());
        }
    }

    /** Check topic → decode → validate → map here; store, then ack after commit in the batcher's callback. */
    void handle(String topic, MqttMessage message, int connectionNumber) throws InterruptedException {
        Instant receivedAt = clock.instant();
        int id = message.getId();
        int qos = message.getQos();
        Optional<Topics.Topic> parsed = Topics.parse(topic);
        CompletableFuture<MessageOutcome> done;
        if (parsed.isPresent() && parsed.get().kind() == Topics.Kind.STATUS) {
            Optional<IngestPipeline.StatusOrRejection> status = pipeline.fromStatus(topic, message.getPayload(), receivedAt);
            if (status.isEmpty()) {
                ack(id, qos, connectionNumber); // a cleared retained status: nothing to store
                return;
            }
            done = status.get().status() != null
                    ? batcher.submitStatus(status.get().status())
                    : batcher.submitWaiting(status.get().rejection());
        } else {
            done = batcher.submitWaiting(pipeline.fromMqtt(topic, message.getPayload(), receivedAt).rows());
        }
        done.whenComplete((outcome, error) -> {
            if (error == null) {
                ack(id, qos, connectionNumber);
            } else {
                LOG.debug("Not acknowledging message {} on {}: {}", id, topic, error.getMessage());
            }
        });
    }

    /** The ack step, after commit; skipped when the message came on an earlier connection (it is redelivered). */
    void ack(int id, int qos, int connectionNumber) {
        if (qos == 0 || connectionNumber != connection.get()) {
            return;
        }
        try {
            acknowledger.ack(id, qos);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("Ack of message {} failed ({}); the broker will redeliver it", id, e.getMessage());
        }
    }

    /** Stops handing new messages to the batcher; unhandled ones stay with the broker for the next session. */
    public void stopReceiving() {
        receiving = false;
    }

    @Override
    public void close() {
        receiving = false;
        closed = true;
        connector.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(2000).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            LOG.debug("MQTT disconnect: {}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("MQTT close: {}", e.getMessage());
        }
    }

    /** Drops the connection like a crash: no DISCONNECT, no acks, the broker keeps the session and the unacked messages. */
    void abort() {
        receiving = false;
        closed = true;
        connection.incrementAndGet();
        connector.shutdownNow();
        try {
            client.disconnectForcibly(0, 1, false);
        } catch (MqttException e) {
            LOG.debug("MQTT abort: {}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("MQTT close: {}", e.getMessage());
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (!receiving) {
                return; // not acknowledged: the broker redelivers it to the next session
            }
            try {
                handle(topic, message, connection.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("Message {} on {} could not be handled; not acknowledged", message.getId(), topic, e);
            }
        }

        @Override
        public void connectComplete(boolean reconnect, String uri) {
            LOG.info("{} MQTT broker {}", reconnect ? "Reconnected to" : "Connected to", uri);
            subscribe();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            connection.incrementAndGet();
            if (!closed) {
                LOG.warn("Lost the MQTT broker {} ({}); reconnecting, unacknowledged messages will be redelivered",
                        serverUri, response.getReasonString() != null ? response.getReasonString() : response.getException());
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error: {}", exception.getMessage());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // the platform does not publish on this client
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
