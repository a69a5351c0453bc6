package io.agrisense.embedded.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.SocketFactory;
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
 * A plain MQTT 5 client for tests that records every message on some topic filters (QoS 1), in arrival order, like
 * an operator's tool would. It is deliberately not built on the product's connection helper: it is the independent
 * observer. Paho reconnects it on its own (1-2 s) when a test restarts the broker.
 *
 * <p>With a persistent session the broker re-sends (DUP flag) a message whose PUBACK from this subscriber it had not
 * processed before it stopped: that is the broker-to-subscriber leg, not the publisher. Such a message, byte-identical
 * to one already received on its topic, is counted in {@link #brokerRedeliveries()} and not recorded again; a
 * publisher's own re-sends arrive without the flag and are always recorded.
 */
public final class MqttTestSubscriber implements AutoCloseable {

    /** One message as received, with when it arrived ({@link System#nanoTime()}). */
    public record Message(String topic, byte[] payload, boolean retained, long receivedNanos) {

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return topic + " " + text();
        }
    }

    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Message> unread = new LinkedBlockingQueue<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private volatile int brokerRedeliveries;
    private final MqttClient client;

    /** Connects with a clean session and subscribes to {@code filters}. */
    public static MqttTestSubscriber connect(String serverUri, String... filters) throws MqttException {
        return builder(serverUri).subscribe(filters);
    }

    public static Builder builder(String serverUri) {
        return new Builder(serverUri);
    }

    /** How to connect: a persistent session, TLS, credentials. */
    public static final class Builder {
        private final String serverUri;
        private boolean persistentSession;
        private SocketFactory tls;
        private String username;
        private String password;

        private Builder(String serverUri) {
            this.serverUri = serverUri;
        }

        /** The broker keeps the subscription and queues messages while this client is away. */
        public Builder persistentSession(boolean value) {
            persistentSession = value;
            return this;
        }

        /** The socket factory for an {@code ssl://} broker. */
        public Builder tls(SocketFactory value) {
            tls = value;
            return this;
        }

        public Builder credentials(String user, String secret) {
            username = user;
            password = secret;
            return this;
        }

        public MqttTestSubscriber subscribe(String... filters) throws MqttException {
            return new MqttTestSubscriber(this, filters);
        }
    }

    private MqttTestSubscriber(Builder b, String... filters) throws MqttException {
        client = new MqttClient(b.serverUri, "test-sub-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        client.setCallback(new Callback());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(!b.persistentSession);
        o.setSessionExpiryInterval(b.persistentSession ? 3600L : 0L);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 2);
        o.setReceiveMaximum(1000);
        if (b.tls != null) {
            o.setSocketFactory(b.tls);
        }
        if (b.username != null) {
            o.setUserName(b.username);
            o.setPassword(b.password.getBytes(StandardCharsets.UTF_8));
        }
        client.connect(o);
        int[] qos = new int[filters.length];
        Arrays.fill(qos, 1);
        client.subscribe(filters, qos);
    }

    /** Every message so far, in arrival order. */
    public List<Message> all() {
        return List.copyOf(messages);
    }

    /** The messages on one topic, in arrival order. */
    public List<Message> on(String topic) {
        return messages.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    /** The next message not yet taken by this method that matches {@code which}, skipping others; fails after {@code timeout}. */
    public Message next(Predicate<Message> which, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Message m = unread.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (m != null && which.test(m)) {
                return m;
            }
        }
        throw new AssertionError("no matching MQTT message within " + timeout + "; received " + new ArrayList<>(messages));
    }

    /** Messages the broker sent again to this subscriber (see the class comment); not recorded twice. */
    public int brokerRedeliveries() {
        return brokerRedeliveries;
    }

    /** Publishes QoS 1, not retained, e.g. a command to a station. */
    public void publish(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false);
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

    private static String digest(String topic, byte[] payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(topic.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage m) {
            if (!seen.add(digest(topic, m.getPayload())) && m.isDuplicate()) {
                brokerRedeliveries++;
                return;
            }
            Message message = new Message(topic, m.getPayload(), m.isRetained(), System.nanoTime());
            messages.add(message);
            unread.add(message);
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
    }
}
