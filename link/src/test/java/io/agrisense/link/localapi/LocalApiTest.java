package io.agrisense.link.localapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.agrisense.embedded.testkit.Promtool;
import io.agrisense.link.buffer.QueueStats;
import io.agrisense.link.uplink.UplinkStats;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local /health and /metrics over real HTTP on a loopback port 0. */
class LocalApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final AtomicReference<UplinkStats> uplink = new AtomicReference<>(new UplinkStats(true, 5, 40, 1, 3, 2, null));
    private final AtomicReference<QueueStats> queue = new AtomicReference<>(new QueueStats(7, 2048, 3, 9, 0, 0, 0));
    private LocalApi api;

    private LocalApi start() {
        PrometheusMeterRegistry registry = LinkMetrics.registry();
        LinkMetrics.bindQueue(registry, queue::get);
        LinkMetrics.bindUplink(registry, uplink::get);
        api = LocalApi.start(new LocalApiConfig("127.0.0.1", 0), registry::scrape, () -> new HealthReport(List.of(
                HealthReport.uplink(uplink.get()), HealthReport.queue(queue.get(), 4096))));
        return api;
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsUpWithEveryComponentAndDownWith503WhenOneIsDown() throws Exception {
        start();
        HttpResponse<String> up = get("/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(up.body()).startsWith("{\"status\":\"UP\",\"components\":{\"uplink\":{\"status\":\"UP\",\"detail\":\"connected;")
                .contains("\"queue\":{\"status\":\"UP\",\"detail\":\"7 records, 2048 of 4096 bytes, 9 readings dropped when full\"}");

        uplink.set(new UplinkStats(false, 5, 40, 1, 3, 2, null));
        queue.set(new QueueStats(700, 4000, 3, 9, 0, 0, 0));
        HttpResponse<String> down = get("/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).startsWith("{\"status\":\"DOWN\"")
                .contains("\"uplink\":{\"status\":\"DOWN\",\"detail\":\"not connected; readings wait in the queue;")
                .contains("\"queue\":{\"status\":\"DOWN\",\"detail\":\"nearly full: 700 records");
    }

    @Test
    void metricsAreThePrometheusTextOfTheQueueTheUplinkAndTheJvm() throws Exception {
        start();
        HttpResponse<String> r = get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(r.body()).contains("agri_queue_records 7.0", "agri_queue_bytes 2048.0",
                "agri_queue_dropped_readings_total 9.0", "agri_uplink_connected 1.0", "agri_uplink_records_acked_total 40.0",
                "agri_uplink_send_failures_total 2.0", "jvm_memory_used_bytes{", "process_cpu_usage", "process_uptime_seconds");
    }

    @Test
    void otherPathsAre404AndOtherMethods405() throws Exception {
        start();
        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(get("/health/extra").statusCode()).isEqualTo(404);
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/health"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void promtoolAcceptsTheMetrics() throws Exception {
        assumeTrue(Promtool.available(), "promtool is not on the PATH (apt-get install prometheus): metrics text not checked");
        start();
        assertThat(Promtool.checkMetrics(get("/metrics").body())).isEmpty();
    }
}
