package io.agrisense.link.mqtt;

import io.agrisense.link.config.UplinkConfig;
import io.agrisense.link.uplink.StatusMessages;
import io.agrisense.link.uplink.Transport;
import io.agrisense.link.uplink.UplinkMessage;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.IMqttToken;
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
 * MQTT 5 uplink (Paho): QoS 1 telemetry, a retained {@code online} status on connect and a retained
 * {@code offline} Last Will, the station's command subscription, and reconnection with exponential back-off.
 * Paho keeps nothing on disk: the store-and-forward queue is the only persistence, and it resends after a drop,
 * so each connection starts clean (a stale "aerator on" is not delivered hours late either).
 * The field gateway uses it too, without a command sink, publishing each station's packs with
 * {@link #send(String, byte[], SendCallback)}; the status topic is then the gateway's own.
 */
public final class MqttTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(MqttTransport.class);
    static final long MIN_BACKOFF_MS = 500;
    static final long MAX_BACKOFF_MS = 10_000;
    /** Slots kept free of telemetry for the status message and command replies. */
    private static final int RESERVED_SLOTS = 2;

    /** Receives commands arriving on {@code agri/v1/<id>/commands/<commandId>}. */
    @FunctionalInterface
    public interface CommandSink {
        void command(String commandId, byte[] payload);
    }

    private final StationId station;
    private final UplinkConfig.Mqtt config;
    private final String onlineStatus;
    private final ScheduledExecutorService scheduler;
    private final CommandSink commands;
    private final MqttAsyncClient client;
    private volatile LinkListener listener;
    private volatile int serverReceiveMaximum = 65_535;
    private volatile boolean closed;
    private long backoffMs = MIN_BACKOFF_MS;
    /** One reconnect chain at a time: a drop can be reported by both the connection callback and a connect failure. */
    private boolean reconnectPending;
    private boolean connecting;

    /**
     * {@code station}: whose status topic carries {@code online}/{@code offline} and whose telemetry topic
     * {@link #send(UplinkMessage, SendCallback)} announces; {@code commands}: null to subscribe to no commands.
     */
    public MqttTransport(StationId station, UplinkConfig.Mqtt config, String onlineStatusJson,
                         ScheduledExecutorService scheduler, CommandSink commands) throws MqttException {
        this.station = station;
        this.config = config;
        this.onlineStatus = onlineStatusJson;
        this.scheduler = scheduler;
        this.commands = commands;
        this.client = new MqttAsyncClient(config.url(), config.clientId(), new MemoryPersistence());
    }

    @Override
    public void start(LinkListener linkListener) {
        this.listener = linkListener;
        client.setCallback(new Callback());
        connect();
    }

    private MqttConnectionOptions options() throws Exception {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(30);
        o.setConnectionTimeout(10);
        o.setReceiveMaximum(64);
        if (config.username() != null) {
            o.setUserName(config.username());
        }
        if (config.password() != null) {
            o.setPassword(config.password().getBytes(StandardCharsets.UTF_8));
        }
        if (config.tlsCaFile() != null) {
            o.setSocketFactory(TlsSockets.trusting(config.tlsCaFile()));
        }
        MqttMessage will = new MqttMessage(StatusMessages.offline().getBytes(StandardCharsets.UTF_8), 1, true, null);
        o.setWill(Topics.status(station), will);
        return o;
    }

    private synchronized void connect() {
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
            client.connect(options(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    Integer max = token.getResponseProperties() == null ? null : token.getResponseProperties().getReceiveMaximum();
                    serverReceiveMaximum = max == null ? 65_535 : max;
                    connectAttemptOver();
                    if (client.isConnected()) {
                        connected();
                    } else {
                        // lost between CONNACK and here: its disconnect callback came while the attempt was open
                        scheduleReconnect("connection lost right after connecting");
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.debug("MQTT connect to {} failed: {}", config.url(), e.toString());
                    connectAttemptOver();
                    scheduleReconnect("connect failed: " + e.getMessage());
                }
            });
        } catch (Exception e) {
            connecting = false;
            scheduleReconnect("connect failed: " + e.getMessage());
        }
    }

    private synchronized void connectAttemptOver() {
        connecting = false;
    }

    private void connected() {
        synchronized (this) {
            backoffMs = MIN_BACKOFF_MS;
        }
        LOG.info("MQTT connected to {} as {} (broker accepts {} in flight)", config.url(), config.clientId(), serverReceiveMaximum);
        try {
            client.publish(Topics.status(station), new MqttMessage(onlineStatus.getBytes(StandardCharsets.UTF_8), 1, true, null));
            if (commands != null) {
                client.subscribe(new MqttSubscription(Topics.commands(station), 1));
            }
        } catch (MqttException e) {
            LOG.warn("MQTT status/subscribe after connect failed: {}", e.toString());
        }
        listener.linkUp();
    }

    private synchronized void scheduleReconnect(String reason) {
        if (closed) {
            return;
        }
        listener.linkDown(reason);
        if (reconnectPending || connecting) {
            return; // the attempt under way (or the one scheduled) carries on
        }
        reconnectPending = true;
        long delay = ThreadLocalRandom.current().nextLong(backoffMs / 2, backoffMs + 1);
        backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        try {
            scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // the agent is stopping
        }
    }

    @Override
    public int window() {
        return Math.max(1, serverReceiveMaximum - RESERVED_SLOTS);
    }

    @Override
    public void send(UplinkMessage message, SendCallback callback) {
        send(message.topic(), message.payload(), callback);
    }

    /**
     * Publishes QoS 1, not retained, on any topic; exactly one method of {@code callback} is called later, on any
     * thread: {@code delivered} on a successful PUBACK, {@code rejected} on reason 0x99 (payload format invalid),
     * {@code failed} otherwise.
     */
    public void send(String topic, byte[] payload, SendCallback callback) {
        try {
            client.publish(topic, new MqttMessage(payload, 1, false, null), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int code = reasonCode(token);
                    if (code < 0x80) {
                        callback.delivered();
                    } else if (code == 0x99) {
                        callback.rejected("broker refused the pack: PUBACK reason 0x99 (payload format invalid)");
                    } else {
                        callback.failed("PUBACK reason 0x" + Integer.toHexString(code));
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    callback.failed(String.valueOf(e));
                }
            });
        } catch (MqttException e) {
            callback.failed(e.toString());
        }
    }

    private static int reasonCode(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    /** Publishes a command reply (QoS 1, not retained); best effort: a reply cannot wait for a link. */
    public void reply(String commandId, String json) {
        try {
            client.publish(Topics.reply(station, commandId), new MqttMessage(json.getBytes(StandardCharsets.UTF_8), 1, false, null));
        } catch (MqttException e) {
            LOG.warn("Reply to command {} not sent: {}", commandId, e.toString());
        }
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        try {
            if (client.isConnected()) {
                client.publish(Topics.status(station),
                        new MqttMessage(StatusMessages.offline().getBytes(StandardCharsets.UTF_8), 1, true, null))
                        .waitForCompletion(2_000);
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            LOG.debug("MQTT disconnect: {}", e.toString());
        }
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
            LOG.info("MQTT link to {} lost: {}", config.url(), reason);
            scheduleReconnect(reason);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error: {}", exception.toString());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            Optional<Topics.Topic> t = Topics.parse(topic);
            if (commands != null && t.isPresent() && t.get().kind() == Topics.Kind.COMMAND && t.get().station().equals(station)) {
                commands.command(t.get().commandId(), message.getPayload());
            }
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
