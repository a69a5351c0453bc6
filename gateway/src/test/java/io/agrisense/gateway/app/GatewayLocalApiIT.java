package io.agrisense.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.agrisense.embedded.testkit.Promtool;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.gateway.testing.TestGateways;
import io.agrisense.protocol.senml.SenmlFormat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's local /health and /metrics over real HTTP (port 0), with CoAP posts counted. */
class GatewayLocalApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(Gateway g, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.localApiPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void reportsHealthAndCountsCoapPostsAndForwardedPacks(@TempDir Path dir) throws Exception {
        String station = TestServices.uniqueStationId("gw-api-st");
        try (Gateway g = Gateway.start(TestGateways.config(TestServices.uniqueStationId("gw-api"), TestServices.mqttServerUri(),
                dir, ""), Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> g.forwardStats().linkUp());
            long t = Instant.now().getEpochSecond();
            assertThat(TestGateways.post(g.coapPort(), station, TestGateways.pack(station, t, 12.5, SenmlFormat.JSON), 110)
                    .isSuccess()).isTrue();
            TestGateways.post(g.coapPort(), station, "not senml".getBytes(), 110);
            await().atMost(Duration.ofSeconds(20)).until(() -> g.forwardStats().recordsDelivered() >= 1);

            HttpResponse<String> health = get(g, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).startsWith("{\"status\":\"UP\"").contains("\"uplink\":{\"status\":\"UP\"",
                    "\"coap\":{\"status\":\"UP\",\"detail\":\"listening on udp " + g.coapPort() + "; 1 packs accepted, 1 refused\"}");
            String metrics = get(g, "/metrics").body();
            assertThat(metrics).contains("agri_coap_packs_accepted_total 1.0", "agri_coap_packs_refused_total 1.0",
                    "agri_uplink_connected 1.0", "agri_queue_records ");
        }
    }

    @Test
    void promtoolAcceptsTheGatewaysMetrics(@TempDir Path dir) throws Exception {
        assumeTrue(Promtool.available(), "promtool is not on the PATH (apt-get install prometheus): metrics text not checked");
        try (Gateway g = Gateway.start(TestGateways.config(TestServices.uniqueStationId("gw-lint"), TestServices.mqttServerUri(),
                dir, ""), Clock.systemUTC())) {
            assertThat(Promtool.checkMetrics(get(g, "/metrics").body())).isEmpty();
        }
    }
}
