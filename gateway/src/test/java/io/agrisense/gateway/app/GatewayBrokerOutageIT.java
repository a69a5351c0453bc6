package io.agrisense.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.embedded.EmbeddedMqttBroker;
import io.agrisense.embedded.Ports;
import io.agrisense.embedded.testkit.MqttTestSubscriber;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.gateway.testing.TestGateways;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.SenmlFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store-and-forward: the broker is really stopped while stations keep posting; every post still gets 2.04 (the pack is
 * on the gateway's disk), and after the broker is back on the same port every pack arrives, in order. QoS 1 repeats of
 * what was in flight when the broker stopped are allowed, must be exact copies, and are counted separately.
 */
class GatewayBrokerOutageIT {

    private static final long T = Instant.now().getEpochSecond() - 3600;

    @TempDir
    Path dir;

    @Test
    void replaysEveryPackInOrderAfterTheBrokerComesBack() throws Exception {
        int port = Ports.freePort();
        EmbeddedMqttBroker.Options options = EmbeddedMqttBroker.Options.persistentAt(dir.resolve("broker"), "127.0.0.1", port);
        EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(options);
        String pond = TestServices.uniqueStationId("outage-pond");
        String topic = Topics.telemetry(StationId.of(pond));
        List<byte[]> sent = new ArrayList<>();
        MqttTestSubscriber watch = MqttTestSubscriber.builder(broker.serverUri()).persistentSession(true).subscribe(topic);
        Gateway gateway = Gateway.start(TestGateways.config(TestServices.uniqueStationId("outage-gw"), broker.serverUri(),
                dir, ""), Clock.systemUTC());
        int repeats;
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> gateway.forwardStats().linkUp());
            for (int i = 0; i < 20; i++) {
                postAccepted(gateway, pond, i, sent);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> watch.on(topic).size() >= 20);

            broker.close();
            await().atMost(Duration.ofSeconds(20)).until(() -> !gateway.forwardStats().linkUp());
            for (int i = 20; i < 120; i++) {
                postAccepted(gateway, pond, i, sent);
            }
            assertThat(gateway.queueStats().records()).as("the outage is held on disk").isEqualTo(100);

            broker = EmbeddedMqttBroker.start(options);
            await().atMost(Duration.ofSeconds(60)).until(() -> gateway.queueStats().records() == 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> watch.isConnected()
                    && watch.on(topic).stream().map(m -> Arrays.hashCode(m.payload())).distinct().count() >= 120);
            Thread.sleep(500);

            List<byte[]> received = new ArrayList<>();
            repeats = 0;
            for (MqttTestSubscriber.Message m : watch.on(topic)) {
                if (received.stream().anyMatch(r -> Arrays.equals(r, m.payload()))) {
                    repeats++;
                    assertThat(sent.indexOf(sent.stream().filter(s -> Arrays.equals(s, m.payload())).findFirst().orElseThrow()))
                            .as("only packs sent before the broker stopped are sent again").isLessThan(20);
                } else {
                    received.add(m.payload());
                }
            }
            assertThat(received).hasSize(120);
            for (int i = 0; i < sent.size(); i++) {
                assertThat(received.get(i)).as("pack %d in order and unchanged", i).isEqualTo(sent.get(i));
            }
            assertThat(gateway.queueStats().droppedRecords()).isZero();
        } finally {
            gateway.close();
            watch.close();
            broker.close();
        }
        System.out.printf("Gateway outage test: 120 packs posted (100 while the broker was down), all received in order; "
                + "%d QoS 1 repeat(s), %d broker-to-subscriber redeliveries%n", repeats, watch.brokerRedeliveries());
    }

    private static void postAccepted(Gateway gateway, String station, int i, List<byte[]> sent) throws Exception {
        byte[] pack = TestGateways.pack(station, T + i, i, i % 2 == 0 ? SenmlFormat.JSON : SenmlFormat.CBOR);
        var reply = TestGateways.post(gateway.coapPort(), station, pack, i % 2 == 0 ? 110 : 112);
        assertThat(reply).as("a response to post %d", i).isNotNull();
        assertThat(reply.getCode()).as("post %d answered 2.04", i).isEqualTo(org.eclipse.californium.core.coap.CoAP.ResponseCode.CHANGED);
        sent.add(pack);
    }
}
