package io.agrisense.bench.alert;

import java.util.UUID;
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

/** Paho MQTT 5 clients for the benchmark: clean sessions, unique client ids, no automatic reconnect (a drop is a failure). */
final class MqttConnections {

    private static final long WAIT_MS = 10_000;

    /** Called on Paho's thread for every message; must not block. */
    @FunctionalInterface
    interface Receiver {
        void received(String topic, byte[] payload, long arrivedNanos);
    }

    private MqttConnections() {
    }

    static MqttAsyncClient connect(String serverUri, String clientIdPrefix) throws MqttException {
        return connect(serverUri, clientIdPrefix, null);
    }

    /** A client that hands every message on {@code topics} (QoS 1) to {@code receiver}, stamped on arrival. */
    static MqttAsyncClient subscribe(String serverUri, String clientIdPrefix, Receiver receiver, String... topics) throws MqttException {
        MqttAsyncClient client = connect(serverUri, clientIdPrefix, new Callback(receiver));
        MqttSubscription[] subs = new MqttSubscription[topics.length];
        for (int i = 0; i < topics.length; i++) {
            subs[i] = new MqttSubscription(topics[i], 1);
        }
        client.subscribe(subs).waitForCompletion(WAIT_MS);
        return client;
    }

    private static MqttAsyncClient connect(String serverUri, String clientIdPrefix, MqttCallback callback) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(serverUri, clientIdPrefix + "-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        if (callback != null) {
            client.setCallback(callback);
        }
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setKeepAliveInterval(30);
        o.setConnectionTimeout(10);
        client.connect(o).waitForCompletion(WAIT_MS);
        return client;
    }

    static MqttMessage qos1(byte[] payload) {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        m.setRetained(false);
        return m;
    }

    static void close(MqttAsyncClient client) {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect(2000).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            // closing anyway
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // nothing left to release
        }
    }

    private record Callback(Receiver receiver) implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            receiver.received(topic, message.getPayload(), System.nanoTime());
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            System.err.println("alert-latency: a benchmark MQTT subscriber lost the broker: " + response);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            System.err.println("alert-latency: MQTT error: " + exception.getMessage());
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
