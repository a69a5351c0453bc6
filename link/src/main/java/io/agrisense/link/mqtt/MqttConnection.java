package io.agrisense.link.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
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
 * The one MQTT 5 connection of every Paho client in the project: options from {@link MqttSettings}, and the single
 * reconnect chain with jittered exponential back-off. Paho's own automatic reconnect is off, so there is exactly one
 * place that reconnects: a drop reported by both the connection callback and a failing connect attempt starts one
 * chain, not two (a second chain's "already connected" would mark a live link down). Subscriptions are the caller's:
 * {@link Events#connected} is the place to make them, on every (re)connection. Paho keeps nothing on disk.
 */
public final class MqttConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttConnection.class);
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    /** What the connection tells its owner. */
    public interface Events {
        /** Connected, the first time or again: subscribe here, announce yourself. */
        void connected(MqttConnection connection);

        /** The connection dropped or an attempt failed; the chain tries again on its own unless reconnecting is off. */
        void disconnected(String reason);

        /** A message on one of the subscriptions, on Paho's thread: hand it on, do not block. */
        default void message(String topic, MqttMessage message) {
        }
    }

    private final MqttSettings settings;
    private final Events events;
    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final ScheduledExecutorService reconnects;
    private volatile int serverReceiveMaximum = 65_535;
    private volatile boolean sessionPresent;
    private volatile boolean closed;
    private long backoffMs;
    // One reconnect chain at a time: the attempt under way or the one scheduled carries on.
    private boolean reconnectPending;
    private boolean connecting;

    /**
     * @throws MqttException for a URL Paho cannot use
     * @throws IllegalArgumentException when the TLS files cannot be used, saying which and why
     */
    public MqttConnection(MqttSettings settings, Events events) throws MqttException {
        this.settings = settings;
        this.events = events;
        this.options = options(settings);
        this.client = new MqttAsyncClient(settings.serverUrl(), settings.clientId(), new MemoryPersistence());
        this.client.setManualAcks(settings.manualAcks());
        this.client.setCallback(new Callback());
        this.backoffMs = settings.reconnect() == null ? 0 : settings.reconnect().min().toMillis();
        this.reconnects = settings.reconnect() == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-reconnect-" + settings.clientId());
            t.setDaemon(true);
            return t;
        });
    }

    static MqttConnectionOptions options(MqttSettings s) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(s.cleanStart());
        o.setSessionExpiryInterval(s.sessionExpiry().toSeconds());
        o.setKeepAliveInterval((int) s.keepAlive().toSeconds());
        o.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        o.setAutomaticReconnect(false);
        if (s.receiveMaximum() > 0) {
            o.setReceiveMaximum(s.receiveMaximum());
        }
        if (s.username() != null) {
            o.setUserName(s.username());
        }
        if (s.password() != null) {
            o.setPassword(s.password().getBytes(StandardCharsets.UTF_8));
        }
        if (s.customTls()) {
            try {
                o.setSocketFactory(TlsSockets.socketFactory(s.caFile(), s.certFile(), s.keyFile()));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot use the TLS files of " + s.serverUrl() + ": " + e.getMessage(), e);
            }
        }
        if (s.will() != null) {
            o.setWill(s.will().topic(), new MqttMessage(s.will().payload(), 1, s.will().retained(), null));
        }
        return o;
    }

    /** Connects in the background and keeps reconnecting with back-off until {@link #close()}. */
    public void start() {
        attempt();
    }

    /**
     * Connects now and waits (tools and benchmarks).
     * @throws MqttException when the broker could not be reached or refused the connection within {@code timeout}
     */
    public void connect(Duration timeout) throws MqttException {
        IMqttToken token = client.connect(options);
        token.waitForCompletion(timeout.toMillis());
        established(token);
        events.connected(this);
    }

    private synchronized void attempt() {
        reconnectPending = false;
        if (closed || connecting) {
            return;
        }
        if (client.isConnected()) {
            connected(); // never report a live connection as down
            return;
        }
        connecting = true;
        try {
            client.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    established(token);
                    attemptOver();
                    if (client.isConnected()) {
                        connected();
                    } else {
                        // lost between CONNACK and here: its disconnect callback came while the attempt was open
                        lost("connection lost right after connecting");
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.debug("MQTT connect to {} failed: {}", settings.serverUrl(), e.toString());
                    attemptOver();
                    lost("connect failed: " + e.getMessage());
                }
            });
        } catch (MqttException | RuntimeException e) {
            connecting = false;
            lost("connect failed: " + e.getMessage());
        }
    }

    private void established(IMqttToken token) {
        MqttProperties p = token.getResponseProperties();
        serverReceiveMaximum = p == null || p.getReceiveMaximum() == null ? 65_535 : p.getReceiveMaximum();
        sessionPresent = token.getSessionPresent();
    }

    private synchronized void attemptOver() {
        connecting = false;
    }

    private void connected() {
        synchronized (this) {
            backoffMs = settings.reconnect() == null ? 0 : settings.reconnect().min().toMillis();
        }
        LOG.info("MQTT connected to {} as {} (broker accepts {} in flight{})", settings.serverUrl(), settings.clientId(),
                serverReceiveMaximum, sessionPresent ? ", session resumed" : "");
        events.connected(this);
    }

    private synchronized void lost(String reason) {
        if (closed) {
            return;
        }
        events.disconnected(reason);
        if (reconnects == null || reconnectPending || connecting) {
            return;
        }
        reconnectPending = true;
        long delay = ThreadLocalRandom.current().nextLong(backoffMs / 2, backoffMs + 1);
        backoffMs = Math.min(settings.reconnect().max().toMillis(), backoffMs * 2);
        try {
            reconnects.schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // closing
        }
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** The broker's Receive Maximum of the current connection: how many QoS 1/2 publishes it takes in flight. */
    public int serverReceiveMaximum() {
        return serverReceiveMaximum;
    }

    /** Whether the broker resumed a persistent session on the last connection. */
    public boolean sessionPresent() {
        return sessionPresent;
    }

    public MqttSettings settings() {
        return settings;
    }

    public IMqttToken subscribe(int qos, String... filters) throws MqttException {
        MqttSubscription[] subs = new MqttSubscription[filters.length];
        for (int i = 0; i < filters.length; i++) {
            subs[i] = new MqttSubscription(filters[i], qos);
        }
        return client.subscribe(subs);
    }

    /** {@code done} (null: none) hears the outcome, with the PUBACK's reason codes in its token. */
    public IMqttToken publish(String topic, byte[] payload, int qos, boolean retained, MqttActionListener done)
            throws MqttException {
        return client.publish(topic, new MqttMessage(payload, qos, retained, null), null, done);
    }

    /** Acknowledges a message received with {@link MqttSettings.Builder#manualAcks()}, once it is safely stored. */
    public void ack(int messageId, int qos) throws MqttException {
        client.messageArrivedComplete(messageId, qos);
    }

    /** Stops reconnecting, sends DISCONNECT (the Last Will is not published) and releases the client. */
    @Override
    public void close() {
        stopReconnecting();
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            LOG.debug("MQTT disconnect: {}", e.toString());
        }
        release();
    }

    /** Drops the connection like a crash: no DISCONNECT, so the broker publishes the Last Will and keeps the session. */
    public void abort() {
        stopReconnecting();
        try {
            client.disconnectForcibly(0, 1, false);
        } catch (MqttException e) {
            LOG.debug("MQTT abort: {}", e.toString());
        }
        release();
    }

    private void stopReconnecting() {
        synchronized (this) {
            closed = true;
        }
        if (reconnects != null) {
            reconnects.shutdownNow();
        }
    }

    private void release() {
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("MQTT close: {}", e.toString());
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            String reason = response.getException() != null ? response.getException().getMessage()
                    : "broker disconnected (reason " + response.getReturnCode() + ")";
            if (!closed) {
                LOG.info("MQTT link to {} lost: {}", settings.serverUrl(), reason);
            }
            lost(reason);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error on {}: {}", settings.serverUrl(), exception.toString());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            events.message(topic, message);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
