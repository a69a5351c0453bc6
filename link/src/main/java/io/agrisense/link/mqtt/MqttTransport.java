package io.agrisense.link.mqtt;

import io.agrisense.link.config.UplinkConfig;
import io.agrisense.link.uplink.StatusMessages;
import io.agrisense.link.uplink.Transport;
import io.agrisense.link.uplink.UplinkMessage;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT 5 uplink over the one {@link MqttConnection}: QoS 1 telemetry, a retained {@code online} status on connect and
 * a retained {@code offline} Last Will, the station's command subscription, and the connection's reconnect chain.
 * Paho keeps nothing on disk: the store-and-forward queue is the only persistence, and it resends after a drop,
 * so each connection starts clean (a stale "aerator on" is not delivered hours late either).
 * The field gateway uses it too, without a command sink, publishing each station's packs on their own topics;
 * the status topic is then the gateway's own.
 */
public final class MqttTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(MqttTransport.class);
    /** Slots kept free of telemetry for the status message and command replies. */
    private static final int RESERVED_SLOTS = 2;

    /** Receives commands arriving on {@code agri/v1/<id>/commands/<commandId>}. */
    @FunctionalInterface
    public interface CommandSink {
        void command(String commandId, byte[] payload);
    }

    private final StationId station;
    private final byte[] onlineStatus;
    private final CommandSink commands;
    private final MqttConnection connection;
    private volatile LinkListener listener;

    /**
     * {@code station}: whose status topic carries {@code online}/{@code offline} and whose command topic is
     * subscribed; {@code commands}: null to subscribe to no commands.
     */
    public MqttTransport(StationId station, UplinkConfig.Mqtt config, String onlineStatusJson, CommandSink commands)
            throws MqttException {
        this.station = station;
        this.onlineStatus = onlineStatusJson.getBytes(StandardCharsets.UTF_8);
        this.commands = commands;
        this.connection = new MqttConnection(settings(station, config), new Events());
    }

    /** Clean start, keep-alive 30 s, 64 in flight towards the station, the retained offline status as Last Will. */
    static MqttSettings settings(StationId station, UplinkConfig.Mqtt config) {
        return MqttSettings.builder(config.url(), config.clientId())
                .credentials(config.username(), config.password())
                .tls(config.tlsCaFile(), config.tlsCertFile(), config.tlsKeyFile())
                .keepAlive(Duration.ofSeconds(30))
                .receiveMaximum(64)
                .will(Topics.status(station), StatusMessages.offline().getBytes(StandardCharsets.UTF_8), true)
                .reconnect(Duration.ofMillis(500), Duration.ofSeconds(10))
                .build();
    }

    @Override
    public void start(LinkListener linkListener) {
        this.listener = linkListener;
        connection.start();
    }

    @Override
    public int window() {
        return Math.max(1, connection.serverReceiveMaximum() - RESERVED_SLOTS);
    }

    @Override
    public void send(UplinkMessage message, SendCallback callback) {
        send(message.topic(), message.payload(), callback);
    }

    /**
     * Publishes QoS 1, not retained; exactly one method of {@code callback} is called later, on any thread:
     * {@code delivered} on a successful PUBACK, {@code rejected} on reason 0x99 (payload format invalid),
     * {@code failed} otherwise.
     */
    private void send(String topic, byte[] payload, SendCallback callback) {
        try {
            connection.publish(topic, payload, 1, false, new MqttActionListener() {
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
            connection.publish(Topics.reply(station, commandId), json.getBytes(StandardCharsets.UTF_8), 1, false, null);
        } catch (MqttException e) {
            LOG.warn("Reply to command {} not sent: {}", commandId, e.toString());
        }
    }

    public boolean isConnected() {
        return connection.isConnected();
    }

    /** Announces the station offline (retained) while still connected, then disconnects. */
    @Override
    public void close() {
        try {
            if (connection.isConnected()) {
                connection.publish(Topics.status(station), StatusMessages.offline().getBytes(StandardCharsets.UTF_8), 1,
                        true, null).waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            LOG.debug("MQTT offline status: {}", e.toString());
        }
        connection.close();
    }

    private final class Events implements MqttConnection.Events {
        @Override
        public void connected(MqttConnection c) {
            try {
                c.publish(Topics.status(station), onlineStatus, 1, true, null);
                if (commands != null) {
                    c.subscribe(1, Topics.commands(station));
                }
            } catch (MqttException e) {
                LOG.warn("MQTT status/subscribe after connect failed: {}", e.toString());
            }
            listener.linkUp();
        }

        @Override
        public void disconnected(String reason) {
            listener.linkDown(reason);
        }

        @Override
        public void message(String topic, MqttMessage message) {
            Optional<Topics.Topic> t = Topics.parse(topic);
            if (commands != null && t.isPresent() && t.get().kind() == Topics.Kind.COMMAND && t.get().station().equals(station)) {
                commands.command(t.get().commandId(), message.getPayload());
            }
        }
    }
}
