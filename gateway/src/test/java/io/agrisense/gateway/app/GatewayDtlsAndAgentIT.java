package io.agrisense.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agrisense.edge.app.AgentOptions;
import io.agrisense.edge.app.EdgeAgent;
import io.agrisense.edge.config.StationConfigLoader;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.gateway.testing.BrokerWatch;
import io.agrisense.gateway.testing.TestGateways;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.ResolvedRecord;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One gateway with DTLS required and a pre-shared key per station: a station posts for itself with its key (2.04,
 * forwarded), for another station 4.03, with a wrong key it gets no session, over plain UDP 4.01; and the real edge
 * agent (simulated sensors, coap/coaps uplink) sends through the gateway to the broker.
 */
class GatewayDtlsAndAgentIT {

    private static final String POND = TestServices.uniqueStationId("gw-dtls-pond");
    private static final String RIVER = TestServices.uniqueStationId("gw-dtls-river");
    private static final byte[] RIVER_KEY = HexFormat.of().parseHex("0123456789abcdef0123");
    private static final long T = Instant.now().getEpochSecond() - 600;
    private static String broker;
    private static Gateway gateway;
    private static BrokerWatch watch;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        broker = TestServices.mqttServerUri();
        watch = new BrokerWatch(broker, false, Topics.telemetry(StationId.of(POND)), Topics.telemetry(StationId.of(RIVER)));
        gateway = Gateway.start(TestGateways.config(TestServices.uniqueStationId("gw-dtls"), broker, dir, """
                  dtls:
                    port: 0
                    required: true
                    keys: {%s: pond-secret-key, %s: 'hex:0123456789abcdef0123'}
                """.formatted(POND, RIVER)), Clock.systemUTC());
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.forwardStats().linkUp());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        watch.close();
    }

    @Test
    void aStationMayPostOnlyForItselfAndOnlyWithItsKey() throws Exception {
        byte[] own = TestGateways.pack(RIVER, T, 11.5, SenmlFormat.JSON);
        assertThat(dtlsPost(dtlsClient(RIVER, RIVER_KEY), RIVER, own).getCode()).isEqualTo(ResponseCode.CHANGED);

        CoapResponse other = dtlsPost(dtlsClient(RIVER, RIVER_KEY), POND, TestGateways.pack(POND, T, 11.75, SenmlFormat.JSON));
        assertThat(other.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(other.getResponseText()).isEqualTo("PSK identity '" + RIVER + "' may not post telemetry for station " + POND);

        CoapEndpoint wrongKey = dtlsClient(RIVER, "not-the-river-key".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> dtlsPost(wrongKey, RIVER, TestGateways.pack(RIVER, T + 1, 12.5, SenmlFormat.JSON)))
                .as("no DTLS session with a wrong key").isInstanceOf(Exception.class);

        CoapResponse udp = TestGateways.post(gateway.coapPort(), RIVER, TestGateways.pack(RIVER, T + 2, 13.5, SenmlFormat.JSON), 110);
        assertThat(udp.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(udp.getResponseText()).startsWith("telemetry is accepted only over DTLS (coaps://, port ");

        String riverTopic = Topics.telemetry(StationId.of(RIVER));
        await().atMost(Duration.ofSeconds(20)).until(() -> !watch.on(riverTopic).isEmpty());
        byte[] last = TestGateways.pack(RIVER, T + 3, 14.5, SenmlFormat.CBOR);
        assertThat(dtlsPost(dtlsClient(RIVER, RIVER_KEY), RIVER, last).getCode()).isEqualTo(ResponseCode.CHANGED);
        await().atMost(Duration.ofSeconds(20)).until(() -> watch.on(riverTopic).size() >= 2);
        Thread.sleep(300);
        assertThat(watch.on(riverTopic)).extracting(BrokerWatch.Message::payload).as("only the two posts with the key")
                .containsExactly(own, last);
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
        for (BrokerWatch.Message m : watch.on(topic)) {
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
        try (BrokerWatch own = new BrokerWatch(broker, false, topic);
             Gateway open = Gateway.start(TestGateways.config(TestServices.uniqueStationId("gw-open"), broker, dir.resolve("gw"), ""),
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
        for (BrokerWatch.Message m : watch.on(topic)) {
            out.addAll(Senml.decodeAndResolve(m.payload(), 0));
        }
        return out;
    }

    private static CoapEndpoint dtlsClient(String identity, byte[] key) {
        Configuration cfg = Configuration.createStandardWithoutFile();
        cfg.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
        cfg.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 1);
        return CoapEndpoint.builder().setConfiguration(cfg).setConnector(new DTLSConnector(DtlsConnectorConfig.builder(cfg)
                .setAddress(new InetSocketAddress("127.0.0.1", 0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, key)).build())).build();
    }

    private static CoapResponse dtlsPost(CoapEndpoint endpoint, String station, byte[] payload) throws Exception {
        CoapClient client = new CoapClient("coaps://127.0.0.1:" + gateway.coapsPort() + "/telemetry/" + station);
        client.setEndpoint(endpoint).setTimeout(5000L);
        try {
            CoapResponse reply = client.post(payload, Senml.detect(payload).coapContentFormat());
            if (reply == null) {
                throw new IllegalStateException("no response from the DTLS endpoint");
            }
            return reply;
        } finally {
            client.shutdown();
            endpoint.destroy();
        }
    }
}
