package io.agrisense.edge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.agrisense.edge.testing.Stations;
import io.agrisense.edge.testing.TestDevices;
import io.agrisense.embedded.Ports;
import io.agrisense.embedded.testkit.Promtool;
import io.agrisense.embedded.testkit.TestServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's local /health and /metrics over real HTTP (port 0), with a real broker or none. */
class LocalApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static HttpResponse<String> get(EdgeAgent agent, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.localApiPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aConnectedStationIsHealthyAndCountsItsReadsPerSensor() throws Exception {
        String id = TestServices.uniqueStationId("local-api");
        try (EdgeAgent agent = EdgeAgent.start(Stations.counter(id, TestServices.mqttServerUri(), "100ms", "local_api: {port: 0}"),
                AgentOptions.defaults().withDataDir(dir).withDevices(new TestDevices()))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> agent.uplinkStats().recordsDelivered() >= 3);
            HttpResponse<String> health = get(agent, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).startsWith("{\"status\":\"UP\"").contains("\"uplink\":{\"status\":\"UP\"",
                    "\"queue\":{\"status\":\"UP\"", "\"sensors\":{\"status\":\"UP\",\"detail\":\"1 sensors reading\"}");

            String metrics = get(agent, "/metrics").body();
            assertThat(metrics).contains("agri_uplink_connected 1.0", "agri_sampling_failures_total{sensor=\"level\"} 0.0",
                    "jvm_threads_live_threads");
            assertThat(counter(metrics, "agri_sampling_reads_total{sensor=\"level\"}")).isGreaterThanOrEqualTo(3);
            assertThat(counter(metrics, "agri_uplink_records_acked_total")).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void withoutItsBrokerTheStationIsUnhealthyAnd503SaysWhy() throws Exception {
        String id = TestServices.uniqueStationId("local-api-down");
        try (EdgeAgent agent = EdgeAgent.start(Stations.counter(id, "tcp://127.0.0.1:" + Ports.freePort(), "100ms",
                "local_api: {port: 0}"), AgentOptions.defaults().withDataDir(dir).withDevices(new TestDevices()))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> agent.queueStats().records() >= 3);
            HttpResponse<String> health = get(agent, "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).startsWith("{\"status\":\"DOWN\"")
                    .contains("\"uplink\":{\"status\":\"DOWN\",\"detail\":\"not connected; readings wait in the queue;");
            assertThat(get(agent, "/metrics").body()).contains("agri_uplink_connected 0.0");
        }
    }

    @Test
    void offByDefault() throws Exception {
        String id = TestServices.uniqueStationId("local-api-off");
        try (EdgeAgent agent = EdgeAgent.start(Stations.counter(id, TestServices.mqttServerUri(), "1s", ""),
                AgentOptions.defaults().withDataDir(dir).withDevices(new TestDevices()))) {
            assertThat(agent.localApiPort()).isEqualTo(-1);
        }
    }

    @Test
    void promtoolAcceptsTheAgentsMetrics() throws Exception {
        assumeTrue(Promtool.available(), "promtool is not on the PATH (apt-get install prometheus): metrics text not checked");
        String id = TestServices.uniqueStationId("local-api-lint");
        try (EdgeAgent agent = EdgeAgent.start(Stations.counter(id, TestServices.mqttServerUri(), "100ms", "local_api: {port: 0}"),
                AgentOptions.defaults().withDataDir(dir).withDevices(new TestDevices()))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> agent.uplinkStats().recordsDelivered() >= 1);
            assertThat(Promtool.checkMetrics(get(agent, "/metrics").body())).isEmpty();
        }
    }

    /** The value of one sample line, e.g. {@code agri_uplink_records_acked_total 12.0}. */
    static double counter(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(series + " not in the metrics"));
    }
}
