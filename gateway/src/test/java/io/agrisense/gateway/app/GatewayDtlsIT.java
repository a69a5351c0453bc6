package io.agrisense.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agrisense.embedded.testkit.DtlsTestEndpoints;
import io.agrisense.embedded.testkit.MqttTestSubscriber;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.gateway.testing.TestGateways;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One gateway with DTLS required and a pre-shared key per station: a station posts for itself with its key (2.04,
 * forwarded), for another station 4.03, with a wrong key it gets no session, over plain UDP 4.01. (The real edge
 * agent's coap/coaps uplink through a gateway is the agent's {@code ThroughGatewayIT}.)
 */
class GatewayDtlsIT {

    private static final String POND = TestServices.uniqueStationId("gw-dtls-pond");
    private static final String RIVER = TestServices.uniqueStationId("gw-dtls-river");
    private static final byte[] RIVER_KEY = HexFormat.of().parseHex("0123456789abcdef0123");
    private static final long T = Instant.now().getEpochSecond() - 600;
    private static String broker;
    private static Gateway gateway;
    private static MqttTestSubscriber watch;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        broker = TestServices.mqttServerUri();
        watch = MqttTestSubscriber.connect(broker, Topics.telemetry(StationId.of(POND)), Topics.telemetry(StationId.of(RIVER)));
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
        assertThat(dtlsPost(DtlsTestEndpoints.client(RIVER, RIVER_KEY), RIVER, own).getCode()).isEqualTo(ResponseCode.CHANGED);

        CoapResponse other = dtlsPost(DtlsTestEndpoints.client(RIVER, RIVER_KEY), POND, TestGateways.pack(POND, T, 11.75, SenmlFormat.JSON));
        assertThat(other.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(other.getResponseText()).isEqualTo("PSK identity '" + RIVER + "' may not post telemetry for station " + POND);

        CoapEndpoint wrongKey = DtlsTestEndpoints.client(RIVER, "not-the-river-key".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> dtlsPost(wrongKey, RIVER, TestGateways.pack(RIVER, T + 1, 12.5, SenmlFormat.JSON)))
                .as("no DTLS session with a wrong key").isInstanceOf(Exception.class);

        CoapResponse udp = TestGateways.post(gateway.coapPort(), RIVER, TestGateways.pack(RIVER, T + 2, 13.5, SenmlFormat.JSON), 110);
        assertThat(udp.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(udp.getResponseText()).startsWith("telemetry is accepted only over DTLS (coaps://, port ");

        String riverTopic = Topics.telemetry(StationId.of(RIVER));
        await().atMost(Duration.ofSeconds(20)).until(() -> !watch.on(riverTopic).isEmpty());
        byte[] last = TestGateways.pack(RIVER, T + 3, 14.5, SenmlFormat.CBOR);
        assertThat(dtlsPost(DtlsTestEndpoints.client(RIVER, RIVER_KEY), RIVER, last).getCode()).isEqualTo(ResponseCode.CHANGED);
        await().atMost(Duration.ofSeconds(20)).until(() -> watch.on(riverTopic).size() >= 2);
        Thread.sleep(300);
        assertThat(watch.on(riverTopic)).extracting(MqttTestSubscriber.Message::payload).as("only the two posts with the key")
                .containsExactly(own, last);
    }

    private static CoapResponse dtlsPost(CoapEndpoint endpoint, String station, byte[] payload) throws Exception {
        return DtlsTestEndpoints.post(endpoint, "coaps://127.0.0.1:" + gateway.coapsPort() + "/telemetry/" + station, payload,
                Senml.detect(payload).coapContentFormat());
    }
}
