package io.agrisense.platform.notify;

import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * The platform's MQTT client for alerts: publishes alert changes on {@code agri/v1/<id>/alerts} and rule commands on
 * {@code agri/v1/<id>/commands/<commandId>} (QoS 1, not retained) and receives the stations' replies on
 * {@code agri/v1/+/replies/+}.
 *
 * <p>A client of its own, not the ingest's: the ingest session is persistent, acknowledged by hand after each
 * commit and possibly shared among instances; publishing there would tie alert back-pressure to telemetry acks.
 * This one has a clean session (nothing queued while the platform is away: the outbox in PostgreSQL is what
 * survives restarts) and reconnects on its own.
 */
public final class MqttAlertClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttAlertClient.class);

    /** A station's reply to a command; called on Paho's thread, must not block. */
    @FunctionalInterface
    public interface ReplyHandler {
        void reply(StationId station, String commandId, byte[] payload);
    }

    private final String serverUri;
    private final String clientId;
    private final Duration keepAlive;
    private final MqttAsyncClient client;
    private final ScheduledExecutorService connector;
    private volatile ReplyHandler replies = (s, c, p) -> { };
    private volatile boolean closed;

    public MqttAlertClient(String serverUri, String clientId, Duration keepAlive) {
        this.serverUri = serverUri;
        this.clientId = clientId;
        this.keepAlive = keepAlive;
        try {
            this.client = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("bad MQTT broker URL '" + serverUri + "': " + e.getMessage(), e);
        }
        this.client.setCallback(new Callback());
        this.connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agri-mqtt-alerts-connect");
            t.setDaemon(true);
            return t;
        });
    }

    public void onReply(ReplyHandler handler) {
        this.replies = handler;
    }

    /** Connects in the background, retrying until the broker answers. */
    public void start() {
        connector.execute(() -> connect(1));
    }

    public boolean connected() {
        return client.isConnected();
    }

    public String clientId() {
        return clientId;
    }

    /** QoS 1, not retained; completes when the broker acknowledged it, fails at once while disconnected. */
    public CompletableFuture<Void> publish(String topic, String payload) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!client.isConnected()) {
            done.completeExceptionally(new IllegalStateException("not connected to the MQTT broker " + serverUri));
            return done;
        }
        try {
            MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
            m.setQos(1);
            m.setRetained(false);
            client.publish(topic, m, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    done.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (MqttException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setServerURIs(new String[] {serverUri});
        o.setCleanStart(true);
        o.setKeepAliveInterval((int) keepAlive.toSeconds());
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
                    // subscribed in connectComplete, also after automatic reconnects
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
            LOG.warn("Alert publisher cannot connect to the MQTT broker {} ({}); retrying every {} s", serverUri,
                    e.getMessage(), delay);
        }
        connector.schedule(() -> connect(attempt + 1), delay, TimeUnit.SECONDS);
    }

    private void subscribe() {
        try {
            client.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.ALL_REPLIES, 1)}, null,
                    new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            LOG.info("Alert publisher connected to {} (client id {}), listening to {}", serverUri,
                                    clientId, Topics.ALL_REPLIES);
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable e) {
                            LOG.error("Subscribing to {} failed: {}", Topics.ALL_REPLIES, e.getMessage());
                        }
                    }, new MqttProperties());
        } catch (MqttException e) {
            LOG.error("Subscribing to {} failed: {}", Topics.ALL_REPLIES, e.getMessage());
        }
    }

    @Override
    public void close() {
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

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            Optional<Topics.Topic> parsed = Topics.parse(topic);
            if (parsed.isPresent() && parsed.get().kind() == Topics.Kind.REPLY) {
                try {
                    replies.reply(parsed.get().station(), parsed.get().commandId(), message.getPayload());
                } catch (RuntimeException e) {
                    LOG.warn("Reply on {} not recorded: {}", topic, e.toString());
                }
            }
        }

        @Override
        public void connectComplete(boolean reconnect, String uri) {
            subscribe();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (!closed) {
                LOG.warn("Alert publisher lost the MQTT broker {}; reconnecting (the outbox keeps undelivered alerts)", serverUri);
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error (alert publisher): {}", exception.getMessage());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // completion is handled per publish
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
