package io.agrisense.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.embedded.testkit.MqttTestSubscriber;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.gateway.testing.TestGateways;
import io.agrisense.protocol.MetricCatalogue;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.ResolvedRecord;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Californium client posts to a running gateway on loopback, and a real broker (embedded HiveMQ, or
 * AGRI_TEST_MQTT_URL) receives: 2.04 only for packs that then arrive byte for byte on the station's topic; bad input
 * gets 4.00 with its reason, too large 4.13, and none of it is forwarded.
 */
class GatewayForwardingIT {

    private static final long T = Instant.now().getEpochSecond() - 300;

    @TempDir
    Path dir;

    @Test
    void forwardsAcceptedPacksExactlyAndNothingElse() throws Exception {
        String broker = TestServices.mqttServerUri();
        String gatewayId = TestServices.uniqueStationId("gw");
        String pond = TestServices.uniqueStationId("gw-pond");
        String river = TestServices.uniqueStationId("gw-river");
        String pondTopic = Topics.telemetry(StationId.of(pond));
        try (MqttTestSubscriber watch = MqttTestSubscriber.connect(broker, pondTopic, Topics.telemetry(StationId.of(river)),
                Topics.status(StationId.of(gatewayId)))) {
            Gateway gateway = Gateway.start(TestGateways.config(gatewayId, broker, dir, ""), Clock.systemUTC());
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> gateway.forwardStats().linkUp());
                byte[] json = TestGateways.pack(pond, T, 18.25, SenmlFormat.JSON);
                byte[] cbor = TestGateways.pack(pond, T + 1, 18.5, SenmlFormat.CBOR);
                assertThat(TestGateways.post(gateway.coapPort(), pond, json, 110).getCode()).isEqualTo(ResponseCode.CHANGED);
                assertThat(TestGateways.post(gateway.coapPort(), pond, cbor, 112).getCode()).isEqualTo(ResponseCode.CHANGED);

                CoapResponse malformed = TestGateways.post(gateway.coapPort(), pond,
                        ("[{\"bn\":\"urn:dev:agri:" + pond + ":\",\"n\":\"ph\",\"v\":\"seven\"}]").getBytes(StandardCharsets.UTF_8), 110);
                assertThat(malformed.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
                assertThat(malformed.getResponseText()).startsWith("malformed SenML pack: ");

                CoapResponse mismatch = TestGateways.post(gateway.coapPort(), pond,
                        TestGateways.pack(river, T, 9.5, SenmlFormat.JSON), 110);
                assertThat(mismatch.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
                assertThat(mismatch.getResponseText())
                        .isEqualTo("record 0: names station '" + river + "' but was posted to /telemetry/" + pond);

                SenmlPackBuilder big = SenmlPackBuilder.forStation(StationId.of(pond));
                for (int i = 0; i < 80; i++) {
                    big.add("water_temperature", "Cel", T + 10 + i, 20 + i / 100.0);
                }
                byte[] tooLarge = Senml.encode(big.build(), SenmlFormat.JSON);
                assertThat(tooLarge.length).isGreaterThan(2048);
                CoapResponse large = TestGateways.post(gateway.coapPort(), pond, tooLarge, 110);
                assertThat(large.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);

                byte[] last = TestGateways.pack(pond, T + 2, 18.75, SenmlFormat.JSON);
                assertThat(TestGateways.post(gateway.coapPort(), pond, last, 110).getCode()).isEqualTo(ResponseCode.CHANGED);

                // Order is kept, so once the last good pack is in, anything refused before it would be in too.
                await().atMost(Duration.ofSeconds(20)).until(() -> watch.on(pondTopic).size() >= 3);
                Thread.sleep(300);
                assertThat(watch.on(pondTopic)).extracting(MqttTestSubscriber.Message::payload).containsExactly(json, cbor, last);
                assertThat(watch.on(Topics.telemetry(StationId.of(river)))).isEmpty();
                await().atMost(Duration.ofSeconds(10)).until(() -> gateway.queueStats().records() == 0);
                assertThat(gateway.queueStats().ackedRecords()).isEqualTo(3);

                List<MqttTestSubscriber.Message> status = watch.on(Topics.status(StationId.of(gatewayId)));
                assertThat(status).isNotEmpty();
                assertThat(status.get(0).text()).contains("\"state\":\"online\"", "\"profile\":\"gateway\"");
            } finally {
                gateway.close();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> watch.on(Topics.status(StationId.of(gatewayId))).stream()
                    .anyMatch(m -> m.text().equals("{\"state\":\"offline\"}")));
        }
    }

    @Test
    void publishesItsOwnHealthAsSenmlOfItsId() throws Exception {
        String broker = TestServices.mqttServerUri();
        String gatewayId = TestServices.uniqueStationId("gw-health");
        String own = Topics.telemetry(StationId.of(gatewayId));
        try (MqttTestSubscriber watch = MqttTestSubscriber.connect(broker, own);
             Gateway gateway = Gateway.start(TestGateways.config(gatewayId, broker, dir, ""), Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> gateway.forwardStats().linkUp());
            gateway.reportHealth(Clock.systemUTC());
            await().atMost(Duration.ofSeconds(20)).until(() -> !watch.on(own).isEmpty());
            List<ResolvedRecord> health = Senml.decodeAndResolve(watch.on(own).get(0).payload(), 0);
            String base = StationId.of(gatewayId).baseName();
            assertThat(health).extracting(ResolvedRecord::name).containsExactly(base + MetricCatalogue.AGENT_QUEUE_RECORDS,
                    base + MetricCatalogue.AGENT_QUEUE_BYTES, base + MetricCatalogue.AGENT_DROPPED_READINGS,
                    base + MetricCatalogue.AGENT_UPTIME);
            assertThat(health.get(2).value()).as("nothing dropped").isZero();
            assertThat(health.get(0).value()).as("the queue was empty when the report was taken").isZero();
        }
    }
}
