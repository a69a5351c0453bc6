package io.agrisense.platform.testing;

import io.agrisense.embedded.testkit.TestServices;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A Paho MQTT 5 client that collects the JSON messages of one topic filter, like an operator's tool would. */
public final class MqttSubscriber implements AutoCloseable {

    /** One message: its topic, JSON body, retained flag and when this client received it. */
    public record Message(String topic, JsonObject json, boolean retained, long receivedNanos) {
    }

    private final MqttClient client;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final List<Message> all = new java.util.concurrent.CopyOnWriteArrayList<>();

    public MqttSubscriber(String filter) {
        try {
            client = new MqttClient(TestServices.mqttServerUri(), "agri-test-sub-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(true);
            client.setCallback(new MqttCallback() {
                @Override
                public void messageArrived(String topic, MqttMessage m) {
                    Message message = new Message(topic, new JsonObject(new String(m.getPayload(), StandardCharsets.UTF_8)),
                            m.isRetained(), System.nanoTime());
                    all.add(message);
                    messages.add(message);
                }

                @Override
                public void disconnected(MqttDisconnectResponse response) {
                }

                @Override
                public void mqttErrorOccurred(MqttException exception) {
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
            client.connect(o);
            client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)});
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next message matching {@code which}, skipping others; fails after {@code timeout}. */
    public Message next(Predicate<Message> which, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Message m = messages.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (m != null && which.test(m)) {
                return m;
            }
        }
        throw new AssertionError("no matching MQTT message within " + timeout + "; received " + new ArrayList<>(all));
    }

    /** Every message received so far. */
    public List<Message> all() {
        return List.copyOf(all);
    }

    @Override
    public void close() {
        try {
            client.disconnect();
            client.close();
        } catch (MqttException e) {
            // test cleanup
        }
    }
}
