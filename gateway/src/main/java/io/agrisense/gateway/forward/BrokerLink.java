package io.agrisense.gateway.forward;

import io.agrisense.edge.config.UplinkConfig;
import io.agrisense.edge.uplink.StatusMessages;
import io.agrisense.edge.uplink.TlsSockets;
import io.agrisense.edge.uplink.Transport.LinkListener;
import io.agrisense.edge.uplink.Transport.SendCallback;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import java.nio.charset.StandardCharsets;
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
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's MQTT 5 connection (Paho): QoS 1 publishes to any station's telemetry topic, the gateway's own
 * retained {@code online} status on connect and {@code offline} Last Will, reconnection with exponential back-off.
 * Like the agent's {@code MqttTransport}, Paho keeps nothing on disk and each connection starts clean: the disk
 * queue is the only persistence and resends after a drop.
 */
public final class BrokerLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerLink.class);
    static final long MIN_BACKOFF_MS = 500;
    static final long MAX_BACKOFF_MS = 10_000;
    /** A slot kept free of telemetry for the status message. */
    private static final int RESERVED_SLOTS = 1;

    private final StationId gateway;
    private final UplinkConfig.Mqtt config;
    private final String onlineStatus;
    private final ScheduledExecutorService scheduler;
    private final MqttAsyncClient client;
    private volatile LinkListener listener;
    private volatile int serverReceiveMaximum = 65_535;
    private boolean closed;
    private long backoffMs = MIN_BACKOFF_MS;

    public BrokerLink(StationId gateway, UplinkConfig.Mqtt config, String onlineStatusJson,
                      ScheduledExecutorService scheduler) throws MqttException {
        this.gateway = gateway;
        this.config = config;
        this.onlineStatus = onlineStatusJson;
        this.scheduler = scheduler;
        this.client = new MqttAsyncClient(config.url(), config.clientId(), new MemoryPersistence());
    }

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
        if (config.username() != null) {
            o.setUserName(config.username());
        }
        if (config.password() != null) {
            o.setPassword(config.password().getBytes(StandardCharsets.UTF_8));
        }
        if (config.tlsCaFile() != null) {
            o.setSocketFactory(TlsSockets.trusting(config.tlsCaFile()));
        }
        o.setWill(Topics.status(gateway), new MqttMessage(StatusMessages.offline().getBytes(StandardCharsets.UTF_8), 1, true, null));
        return o;
    }

    private synchronized void connect() {
        if (closed) {
            return;
        }
        try {
            client.connect(options(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    Integer max = token.getResponseProperties() == null ? null : token.getResponseProperties().getReceiveMaximum();
                    serverReceiveMaximum = max == null ? 65_535 : max;
                    connected();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.debug("MQTT connect to {} failed: {}", config.url(), e.toString());
                    scheduleReconnect("connect failed: " + e.getMessage());
                }
            });
        } catch (Exception e) {
            scheduleReconnect("connect failed: " + e.getMessage());
        }
    }

    private void connected() {
        synchronized (this) {
            backoffMs = MIN_BACKOFF_MS;
        }
        LOG.info("MQTT connected to {} as {} (broker accepts {} in flight)", config.url(), config.clientId(), serverReceiveMaximum);
        try {
            client.publish(Topics.status(gateway), new MqttMessage(onlineStatus.getBytes(StandardCharsets.UTF_8), 1, true, null));
        } catch (MqttException e) {
            LOG.warn("MQTT online status after connect failed: {}", e.toString());
        }
        listener.linkUp();
    }

    private synchronized void scheduleReconnect(String reason) {
        if (closed) {
            return;
        }
        listener.linkDown(reason);
        long delay = ThreadLocalRandom.current().nextLong(backoffMs / 2, backoffMs + 1);
        backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        try {
            scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // the gateway is stopping
        }
    }

    /** How many publishes may await a PUBACK at once on the current connection. */
    public int window() {
        return Math.max(1, serverReceiveMaximum - RESERVED_SLOTS);
    }

    /** Publishes QoS 1, not retained; exactly one method of {@code callback} is called later, on any thread. */
    public void publish(String topic, byte[] payload, SendCallback callback) {
        try {
            client.publish(topic, new MqttMessage(payload, 1, false, null), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    int code = codes == null || codes.length == 0 ? 0 : codes[0];
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

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Announces the gateway offline (retained) and disconnects. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        try {
            if (client.isConnected()) {
                client.publish(Topics.status(gateway),
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
