package io.agrisense.edge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.edge.config.StationConfigLoader;
import io.agrisense.embedded.testkit.MqttTestSubscriber;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.gateway.app.Gateway;
import io.agrisense.gateway.config.GatewayConfig;
import io.agrisense.gateway.config.GatewayConfigLoader;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.ResolvedRecord;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real edge agent (simulated sensors, coap/coaps uplink) sends through a real field gateway to the broker. */
class ThroughGatewayIT {

    private static final String POND = TestServices.uniqueStationId("gw-dtls-pond");
    private static String broker;
    private static Gateway gateway;
    private static MqttTestSubscriber watch;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        broker = TestServices.mqttServerUri();
        watch = MqttTestSubscriber.connect(broker, Topics.telemetry(StationId.of(POND)));
        gateway = Gateway.start(gatewayConfig(TestServices.uniqueStationId("gw-dtls"), broker, dir, """
                  dtls:
                    port: 0
                    required: true
                    keys: {%s: pond-secret-key}
                """.formatted(POND)), Clock.systemUTC());
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.forwardStats().linkUp());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        watch.close();
    }

    @Test
    void theEdgeAgentsCoapsUplinkReachesTheBrokerThroughTheGateway(@TempDir Path data) throws Exception {
        var config = StationConfigLoader.standard().parse("""
                station_id: %s
                profile: crayfish_pond
                uplink:
                  coap: {url: 'coaps://127.0.0.1:%d', psk_identity: %s, psk_key: pond-secret-key}
                sensors:
                  - {name: water_temp, type: ds18b20, interval: 300ms, w1_id: 28-0316a2799aff, metric: water_temperature}
                """.formatted(POND, gateway.coapsPort(), POND), "test:" + POND, null);
        String topic = Topics.telemetry(StationId.of(POND));
        try (EdgeAgent agent = EdgeAgent.start(config, AgentOptions.defaults().withSimulate(true).withSeed(7).withDataDir(data))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> agent.uplinkStats().recordsDelivered() >= 3);
            assertThat(agent.uplinkStats().recordsRejected()).isZero();
        }
        String name = StationId.of(POND).baseName() + "water_temperature";
        await().atMost(Duration.ofSeconds(20)).until(() -> received(topic).stream().filter(r -> r.name().equals(name)).count() >= 3);
        for (MqttTestSubscriber.Message m : watch.on(topic)) {
            assertThat(Senml.detect(m.payload())).as("the agent's CoAP payload format, unchanged").isEqualTo(SenmlFormat.CBOR);
        }
        List<ResolvedRecord> temperatures = received(topic).stream().filter(r -> r.name().equals(name)).toList();
        assertThat(temperatures).hasSizeGreaterThanOrEqualTo(3);
        assertThat(temperatures).allSatisfy(r -> assertThat(r.value()).isBetween(0.0, 45.0));
        assertThat(temperatures).extracting(ResolvedRecord::time).isSorted();
    }

    @Test
    void theEdgeAgentsPlainCoapUplinkWorksWhereDtlsIsOptional(@TempDir Path dir) throws Exception {
        String station = TestServices.uniqueStationId("gw-agent");
        String topic = Topics.telemetry(StationId.of(station));
        try (MqttTestSubscriber own = MqttTestSubscriber.connect(broker, topic);
             Gateway open = Gateway.start(gatewayConfig(TestServices.uniqueStationId("gw-open"), broker, dir.resolve("gw"), ""),
                     Clock.systemUTC())) {
            var config = StationConfigLoader.standard().parse("""
                    station_id: %s
                    profile: river_water_quality
                    uplink:
                      coap: {url: 'coap://127.0.0.1:%d'}
                    sensors:
                      - {name: water_temp, type: ds18b20, interval: 300ms, w1_id: 28-0316a2799aff, metric: water_temperature}
                    """.formatted(station, open.coapPort()), "test:" + station, null);
            try (EdgeAgent agent = EdgeAgent.start(config, AgentOptions.defaults().withSimulate(true).withSeed(3)
                    .withDataDir(dir.resolve("agent")))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> agent.uplinkStats().recordsDelivered() >= 3);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> !own.on(topic).isEmpty());
            List<ResolvedRecord> records = Senml.decodeAndResolve(own.on(topic).get(0).payload(), 0);
            assertThat(records).isNotEmpty();
            assertThat(records).allSatisfy(r -> assertThat(r.name()).startsWith(StationId.of(station).baseName()));
        }
    }

    private static List<ResolvedRecord> received(String topic) throws Exception {
        List<ResolvedRecord> out = new java.util.ArrayList<>();
        for (MqttTestSubscriber.Message m : watch.on(topic)) {
            out.addAll(Senml.decodeAndResolve(m.payload(), 0));
        }
        return out;
    }

    /** A gateway on loopback port 0 forwarding to {@code brokerUrl}; {@code extraCoap} is YAML under {@code coap:}. */
    private static GatewayConfig gatewayConfig(String gatewayId, String brokerUrl, Path dir, String extraCoap) throws Exception {
        return GatewayConfigLoader.parse("""
                gateway_id: %s
                coap:
                  host: 127.0.0.1
                  port: 0
                %s
                uplink:
                  mqtt: {url: '%s'}
                buffer: {dir: '%s', max_bytes: 4MiB}
                health: {interval: 1h}
                local_api: {port: 0}
                """.formatted(gatewayId, extraCoap, brokerUrl, dir.resolve("queue")), "test:" + gatewayId, dir, Map.of());
    }
}
