package io.agrisense.link.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agrisense.embedded.EmbeddedMqttBroker;
import io.agrisense.embedded.Ports;
import io.agrisense.embedded.testkit.MqttTestSubscriber;
import io.agrisense.embedded.testkit.TestServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one MQTT connection helper against a real broker on loopback: the reconnect chain, sessions, acks, the Will. */
class MqttConnectionIT {

    @TempDir
    Path dir;

    /** Counts what the connection reports and keeps what arrives; subscribes on every connection. */
    private static final class Recorder implements MqttConnection.Events {
        final AtomicInteger connects = new AtomicInteger();
        final AtomicInteger drops = new AtomicInteger();
        final List<MqttMessage> received = new CopyOnWriteArrayList<>();
        final String filter;

        Recorder(String filter) {
            this.filter = filter;
        }

        @Override
        public void connected(MqttConnection c) {
            connects.incrementAndGet();
            if (filter != null) {
                try {
                    c.subscribe(1, filter);
                } catch (MqttException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void disconnected(String reason) {
            drops.incrementAndGet();
        }

        @Override
        public void message(String topic, MqttMessage message) {
            received.add(message);
        }
    }

    @Test
    void reconnectsAfterABrokerRestartOnceAndResubscribes() throws Exception {
        int port = Ports.freePort();
        EmbeddedMqttBroker.Options options = EmbeddedMqttBroker.Options.persistentAt(dir.resolve("broker"), "127.0.0.1", port);
        EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(options);
        String topic = "agri/test/" + TestServices.uniqueStationId("conn");
        Recorder events = new Recorder(topic);
        MqttConnection connection = new MqttConnection(MqttSettings.builder(broker.serverUri(), "conn-" + port)
                .reconnect(Duration.ofMillis(100), Duration.ofMillis(400)).build(), events);
        try {
            connection.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> events.connects.get() == 1);
            broker.close();
            await().atMost(Duration.ofSeconds(20)).until(() -> events.drops.get() >= 2);
            broker = EmbeddedMqttBroker.start(options);
            await().atMost(Duration.ofSeconds(20)).until(connection::isConnected);
            Thread.sleep(1_000);
            assertThat(events.connects.get()).as("one chain: one reconnection, never a second").isEqualTo(2);

            try (MqttTestSubscriber publisher = MqttTestSubscriber.connect(broker.serverUri(), "unused/" + port)) {
                publisher.publish(topic, "after".getBytes(StandardCharsets.UTF_8));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> events.received.size() == 1);
            assertThat(new String(events.received.get(0).getPayload(), StandardCharsets.UTF_8)).isEqualTo("after");
        } finally {
            connection.close();
            broker.close();
        }
    }

    @Test
    void aPersistentSessionWithManualAcksGetsAnUnacknowledgedMessageAgain() throws Exception {
        String broker = TestServices.mqttServerUri();
        String topic = "agri/test/" + TestServices.uniqueStationId("acks");
        String clientId = TestServices.uniqueStationId("acks-client");
        MqttSettings settings = MqttSettings.builder(broker, clientId).persistentSession(Duration.ofMinutes(5))
                .receiveMaximum(10).manualAcks().build();
        Recorder first = new Recorder(topic);
        MqttConnection crashing = new MqttConnection(settings, first);
        crashing.connect(Duration.ofSeconds(10));
        try (MqttTestSubscriber publisher = MqttTestSubscriber.connect(broker, topic + "/unused")) {
            publisher.publish(topic, "reading".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(20)).until(() -> first.received.size() == 1);
            crashing.abort(); // received, never acknowledged

            Recorder second = new Recorder(null);
            MqttConnection resumed = new MqttConnection(settings, second);
            try {
                resumed.connect(Duration.ofSeconds(10));
                assertThat(resumed.sessionPresent()).isTrue();
                await().atMost(Duration.ofSeconds(20)).until(() -> second.received.size() == 1);
                MqttMessage again = second.received.get(0);
                assertThat(new String(again.getPayload(), StandardCharsets.UTF_8)).isEqualTo("reading");
                resumed.ack(again.getId(), again.getQos());
            } finally {
                resumed.close();
            }
        }
    }

    @Test
    void theLastWillIsPublishedWhenTheClientVanishes() throws Exception {
        String broker = TestServices.mqttServerUri();
        String status = "agri/v1/" + TestServices.uniqueStationId("will") + "/status";
        try (MqttTestSubscriber watch = MqttTestSubscriber.connect(broker, status)) {
            MqttConnection station = new MqttConnection(MqttSettings.builder(broker, TestServices.uniqueStationId("will"))
                    .will(status, "{\"state\":\"offline\"}".getBytes(StandardCharsets.UTF_8), true).noReconnect().build(),
                    new Recorder(null));
            station.connect(Duration.ofSeconds(10));
            station.abort();
            await().atMost(Duration.ofSeconds(20)).until(() -> !watch.on(status).isEmpty());
            assertThat(watch.on(status).get(0).text()).isEqualTo("{\"state\":\"offline\"}");
        }
    }

    @Test
    void withoutReconnectAnUnreachableBrokerIsAnErrorAtOnce() throws Exception {
        int port = Ports.freePort();
        Recorder events = new Recorder(null);
        MqttConnection connection = new MqttConnection(
                MqttSettings.builder("tcp://127.0.0.1:" + port, "nobody").noReconnect().build(), events);
        try {
            assertThatThrownBy(() -> connection.connect(Duration.ofSeconds(10))).isInstanceOf(MqttException.class);
            assertThat(events.connects.get()).isZero();
        } finally {
            connection.close();
        }
    }
}
