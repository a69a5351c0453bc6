package io.agrisense.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.platform.app.Platform;
import io.agrisense.platform.testing.Http;
import io.agrisense.platform.testing.PlatformFixture;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real platform's {@code /metrics}: valid for Prometheus, with JVM, pool and HTTP histograms by route template. */
class MetricsIT {

    private static Platform platform;
    private static Http http;

    @BeforeAll
    static void start() {
        platform = PlatformFixture.start("metrics");
        http = new Http(platform.httpPort());
        String st = TestServices.uniqueStationId("metrics");
        byte[] pack = Senml.encode(SenmlPackBuilder.forStation(StationId.of(st))
                .add("ph", "pH", Instant.now().getEpochSecond() - 60, 7.1)
                .add("ph", "pH", Instant.now().getEpochSecond() - 30, 99).build(), SenmlFormat.JSON);
        assertThat(http.post("/api/v1/stations/" + st + "/telemetry", "application/senml+json", pack).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/stations/" + st + "/latest").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/stations/no-such-station/latest").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/series?station=" + st + "&metric=ph&from=yesterday").status()).isEqualTo(400);
        assertThat(http.get("/wp-login.php").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/no/such/path").status()).isEqualTo(404);
        assertThat(http.get("/").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void httpRequestsAreCountedAndTimedByRouteTemplateNeverByRawPath() {
        String text = http.get("/metrics").body();

        assertThat(text).contains("# TYPE agri_http_request_duration_seconds histogram",
                "agri_http_requests_total{method=\"GET\",route=\"/api/v1/stations/:id/latest\",status=\"200\"} 1.0",
                "agri_http_requests_total{method=\"GET\",route=\"/api/v1/stations/:id/latest\",status=\"404\"} 1.0",
                "agri_http_requests_total{method=\"GET\",route=\"/api/v1/series\",status=\"400\"} 1.0",
                "agri_http_requests_total{method=\"POST\",route=\"/api/v1/stations/:id/telemetry\",status=\"200\"} 1.0",
                "agri_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 2.0",
                "agri_http_requests_total{method=\"GET\",route=\"static\",status=\"200\"} 1.0",
                "agri_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/stations/:id/latest\",status=\"404\",le=\"0.5\"} 1",
                "agri_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/stations/:id/latest\",status=\"404\"} 1");
        assertThat(text).doesNotContain("no-such-station", "wp-login", "/api/v1/no/such/path", "route=\"other\"");
    }

    @Test
    void jvmProcessAndPoolFiguresAreThere() {
        String text = http.get("/metrics").body();

        assertThat(text).contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads ", "jvm_classes_loaded_classes ",
                "process_cpu_usage ", "process_cpu_seconds_total ", "process_uptime_seconds ", "process_files_open_files ",
                "hikaricp_connections_active{pool=\"agri-db\"}", "hikaricp_connections_max{pool=\"agri-db\"}");
    }

    @Test
    void theIngestAlertAndStationFiguresTheDeploymentAlertsOnAreThere() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(http.get("/metrics").body())
                .contains("agri_stations{status=\"unknown\"} ").doesNotContain("agri_stations{status=\"unknown\"} 0.0"));
        String text = http.get("/metrics").body();

        assertThat(text).contains("agri_ingest_stalled_seconds 0.0", "agri_ingest_queue_depth 0.0",
                "agri_readings_received_total{source=\"http\"} 2.0", "agri_readings_stored_total 1.0",
                "agri_readings_rejected_total{reason=\"out_of_range\"} 1.0", "agri_alert_outbox_backlog ",
                "agri_stations{status=\"online\"} ", "agri_stations{status=\"offline\"} ",
                "# TYPE agri_ingest_commit_seconds histogram", "# TYPE agri_ingest_batch_readings histogram",
                "# TYPE agri_alert_latency_seconds histogram", "agri_mqtt_connected 1.0");
        assertThat(text).as("histograms, which add up across instances, not summaries").doesNotContain(" summary\n");
    }

    @Test
    void promtoolAcceptsTheExposition() throws Exception {
        String text = http.get("/metrics").body();
        Assumptions.assumeTrue(onPath("promtool"),
                "promtool is not installed (apt-get install prometheus): /metrics not checked by Prometheus's own linter");

        Process p = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(p.exitValue()).isZero();
    }

    private static boolean onPath(String tool) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
