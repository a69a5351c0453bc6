package io.agrisense.edge.testing;

import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.ResolvedRecord;
import io.agrisense.protocol.senml.Senml;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A plain Paho client that records what a station publishes: resolved telemetry records, status, replies.
 *
 * <p>With a persistent session that outlives a broker restart, the broker re-sends (DUP flag set) a message whose
 * PUBACK from this subscriber it had not processed when it stopped: that is the broker-to-subscriber leg, not the
 * agent. Such a message, byte-identical to one already received, is counted in {@link #brokerRedeliveries} and not
 * recorded again. The agent's own re-sends are never filtered: they arrive as new publishes without the flag.
 */
public final class TelemetrySubscriber implements AutoCloseable {

    public final List<ResolvedRecord> records = new CopyOnWriteArrayList<>();
    public final List<String> statuses = new CopyOnWriteArrayList<>();
    public final Map<String, String> replies = new ConcurrentHashMap<>();
    public final List<String> replyLog = new CopyOnWriteArrayList<>();
    public volatile int messages;
    public volatile int brokerRedeliveries;
    private final java.util.Set<String> seenPayloads = ConcurrentHashMap.newKeySet();
    private final MqttClient client;
    private final StationId station;

    /** {@code persistentSession}: the broker keeps the subscription and queues messages while this client is away. */
    public TelemetrySubscriber(String serverUri, StationId station, boolean persistentSession) throws MqttException {
        this(serverUri, station, persistentSession, null);
    }

    /** {@code tls}: the socket factory for an {@code ssl://} broker, or null. */
    public TelemetrySubscriber(String serverUri, StationId station, boolean persistentSession,
                               javax.net.SocketFactory tls) throws MqttException {
        this(serverUri, station, persistentSession, tls, null, null);
    }

    /** {@code username}/{@code password}: credentials for a broker that checks them, or null. */
    public TelemetrySubscriber(String serverUri, StationId station, boolean persistentSession,
                               javax.net.SocketFactory tls, String username, String password) throws MqttException {
        this.station = station;
        client = new MqttClient(serverUri, "test-sub-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                Topics.Topic t = Topics.parse(topic).orElseThrow();
                switch (t.kind()) {
                    case TELEMETRY -> {
                        String digest = java.util.HexFormat.of().formatHex(
                                java.security.MessageDigest.getInstance("SHA-256").digest(message.getPayload()));
                        if (!seenPayloads.add(digest) && message.isDuplicate()) {
                            brokerRedeliveries++;
                            return;
                        }
                        records.addAll(Senml.decodeAndResolve(message.getPayload(), 0));
                        messages++;
                    }
                    case STATUS -> statuses.add(new String(message.getPayload(), StandardCharsets.UTF_8));
                    case REPLY -> {
                        String text = new String(message.getPayload(), StandardCharsets.UTF_8);
                        replies.put(t.commandId(), text);
                        replyLog.add(t.commandId() + " " + text);
                    }
                    default -> { }
                }
            }

            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
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
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(!persistentSession);
        o.setSessionExpiryInterval(persistentSession ? 3600L : 0L);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 2);
        o.setReceiveMaximum(1000);
        if (tls != null) {
            o.setSocketFactory(tls);
        }
        if (username != null) {
            o.setUserName(username);
            o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        client.connect(o);
        client.subscribe(new String[] {Topics.telemetry(station), Topics.status(station),
                "agri/v1/" + station.value() + "/replies/+"}, new int[] {1, 1, 1});
    }

    /** Values of one metric in arrival order. */
    public List<Double> values(String metric) {
        String name = station.baseName() + metric;
        return records.stream().filter(r -> r.name().equals(name)).map(ResolvedRecord::value).toList();
    }

    public List<ResolvedRecord> recordsOf(String metric) {
        String name = station.baseName() + metric;
        return records.stream().filter(r -> r.name().equals(name)).toList();
    }

    public void command(String commandId, String json) throws MqttException {
        client.publish(Topics.command(station, commandId), json.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
