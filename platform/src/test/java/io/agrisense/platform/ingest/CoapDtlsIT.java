package io.agrisense.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agrisense.embedded.testkit.DtlsTestEndpoints;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.platform.app.Platform;
import io.agrisense.platform.testing.Http;
import io.agrisense.platform.testing.PlatformFixture;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CoAP over DTLS with a pre-shared key per station (docs/architecture.md, "CoAP"): a station may post only for itself
 * (4.03); a wrong key gets no session; with DTLS required, plain UDP posts are refused (4.01) and store nothing. The
 * real edge agent's coaps uplink is the demo module's AgentCoapsUplinkIT.
 */
class CoapDtlsIT {

    private static final String POND = TestServices.uniqueStationId("dtls-pond");
    private static final String RIVER = TestServices.uniqueStationId("dtls-river");
    private static final Instant T = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(5, ChronoUnit.MINUTES);
    private static Platform platform;
    private static Http http;

    @BeforeAll
    static void start() {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        platform = Platform.start(PlatformFixture.config("dtls", Map.of("coap", """
                dtls:
                  port: 0
                  required: true
                  keys: {%s: pond-secret-key, %s: 'hex:0123456789abcdef0123'}
                """.formatted(POND, RIVER))), Platform.Extensions.none());
        http = new Http(platform.httpPort());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aStationMayPostOnlyForItselfAndOnlyWithItsKey() throws Exception {
        CoapResponse own = post(DtlsTestEndpoints.client(RIVER, java.util.HexFormat.of().parseHex("0123456789abcdef0123")), RIVER, 11.5);
        assertThat(own.getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(stored(RIVER)).isEqualTo(1);

        CoapResponse other = post(DtlsTestEndpoints.client(RIVER, java.util.HexFormat.of().parseHex("0123456789abcdef0123")), POND, 11.5);
        assertThat(other.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(other.getResponseText()).isEqualTo("PSK identity '" + RIVER + "' may not post telemetry for station " + POND);

        CoapEndpoint wrongKey = DtlsTestEndpoints.client(RIVER, "not-the-river-key".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> post(wrongKey, RIVER, 12.5)).as("no DTLS session with a wrong key")
                .isInstanceOf(Exception.class);
        assertThat(stored(RIVER)).isEqualTo(1);
    }

    @Test
    void withDtlsRequiredPlainUdpIsRefusedWith401() throws Exception {
        CoapEndpoint udp = CoapEndpoint.builder().setConfiguration(Configuration.createStandardWithoutFile()).build();
        CoapClient client = new CoapClient("coap://127.0.0.1:" + platform.coapPort() + "/telemetry/" + RIVER);
        client.setEndpoint(udp).setTimeout(5000L);
        try {
            CoapResponse reply = client.post(pack(RIVER, 13.5), 110);
            assertThat(reply.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
            assertThat(reply.getResponseText()).startsWith("telemetry is accepted only over DTLS (coaps://, port ");
        } finally {
            client.shutdown();
            udp.destroy();
        }
        assertThat(http.get("/api/v1/series?station=" + RIVER + "&metric=water_temperature&from=" + T.minus(1, ChronoUnit.HOURS)
                + "&to=" + T.plus(1, ChronoUnit.HOURS)).json().getJsonArray("points").stream()
                .map(p -> ((JsonObject) p).getDouble("value"))).doesNotContain(13.5);
    }

    private static CoapResponse post(CoapEndpoint endpoint, String station, double value) throws Exception {
        return DtlsTestEndpoints.post(endpoint, "coaps://127.0.0.1:" + platform.coapsPort() + "/telemetry/" + station,
                pack(station, value), 110);
    }

    private static byte[] pack(String station, double value) {
        return Senml.encode(SenmlPackBuilder.forStation(StationId.of(station))
                .add("water_temperature", "Cel", T.getEpochSecond(), value).build(), SenmlFormat.JSON);
    }

    private static int stored(String station) {
        return http.get("/api/v1/series?station=" + station + "&metric=water_temperature&from=" + T.minus(1, ChronoUnit.HOURS)
                + "&to=" + T.plus(1, ChronoUnit.HOURS)).json().getJsonArray("points").size();
    }
}
