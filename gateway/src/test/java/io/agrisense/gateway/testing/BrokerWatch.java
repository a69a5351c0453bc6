package io.agrisense.gateway.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
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
 * A plain Paho subscriber that records every message on some topics, in arrival order. With a persistent session the
 * broker may redeliver (DUP flag) a message whose PUBACK from this subscriber it had not processed before it stopped:
 * that is the broker-to-subscriber leg, counted in {@link #brokerRedeliveries} and not recorded again.
 */
public final class BrokerWatch implements AutoCloseable {

    /** One message as received. */
    public record Message(String topic, byte[] payload, boolean retained) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    public final List<Message> messages = new CopyOnWriteArrayList<>();
    public volatile int brokerRedeliveries;
    private final MqttClient client;

    public BrokerWatch(String serverUri, boolean persistentSession, String... topics) throws MqttException {
        client = new MqttClient(serverUri, "gw-test-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                if (message.isDuplicate() && messages.stream()
                        .anyMatch(m -> m.topic().equals(topic) && Arrays.equals(m.payload(), message.getPayload()))) {
                    brokerRedeliveries++;
                    return;
                }
                messages.add(new Message(topic, message.getPayload(), message.isRetained()));
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
        client.connect(o);
        int[] qos = new int[topics.length];
        Arrays.fill(qos, 1);
        client.subscribe(topics, qos);
    }

    /** The messages on one topic, in arrival order. */
    public List<Message> on(String topic) {
        return messages.stream().filter(m -> m.topic().equals(topic)).toList();
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
