package io.agrisense.bench.alert;

import io.agrisense.link.mqtt.MqttConnection;
import io.agrisense.link.mqtt.MqttSettings;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** The benchmark's MQTT clients, over the shared connection helper: clean sessions, unique client ids, a drop is a failure. */
final class MqttConnections {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Called on Paho's thread for every message; must not block. */
    @FunctionalInterface
    interface Receiver {
        void received(String topic, byte[] payload, long arrivedNanos);
    }

    private MqttConnections() {
    }

    static MqttConnection connect(String serverUri, String clientIdPrefix) throws MqttException {
        return connect(serverUri, clientIdPrefix, null);
    }

    /** A client that hands every message on {@code topics} (QoS 1) to {@code receiver}, stamped on arrival. */
    static MqttConnection subscribe(String serverUri, String clientIdPrefix, Receiver receiver, String... topics) throws MqttException {
        MqttConnection client = connect(serverUri, clientIdPrefix, receiver);
        client.subscribe(1, topics).waitForCompletion(WAIT.toMillis());
        return client;
    }

    private static MqttConnection connect(String serverUri, String clientIdPrefix, Receiver receiver) throws MqttException {
        MqttSettings settings = MqttSettings.builder(serverUri, clientIdPrefix + "-" + UUID.randomUUID().toString().substring(0, 8))
                .noReconnect().build();
        MqttConnection client = new MqttConnection(settings, new MqttConnection.Events() {
            @Override
            public void connected(MqttConnection connection) {
            }

            @Override
            public void disconnected(String reason) {
                System.err.println("alert-latency: a benchmark MQTT client lost the broker: " + reason);
            }

            @Override
            public void message(String topic, MqttMessage message) {
                if (receiver != null) {
                    receiver.received(topic, message.getPayload(), System.nanoTime());
                }
            }
        });
        client.connect(WAIT);
        return client;
    }

    static void close(MqttConnection client) {
        if (client != null) {
            client.close();
        }
    }
}
