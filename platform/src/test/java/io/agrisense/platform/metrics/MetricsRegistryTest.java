package io.agrisense.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricsRegistryTest {

    @Test
    void rendersCountersGaugesAndSummariesInPrometheusTextFormat() {
        MetricsRegistry registry = new MetricsRegistry();
        MetricsRegistry.Counter stored = registry.counter("agri_readings_stored_total", "Readings stored");
        MetricsRegistry.Counter rejected = registry.counter("agri_readings_rejected_total", "Rejected, by reason", "reason");
        registry.gauge("agri_mqtt_connected", "Connected", () -> 1);
        MetricsRegistry.Summary commit = registry.summary("agri_ingest_commit_seconds", "Commit time");
        stored.add(41);
        stored.inc();
        rejected.inc("out_of_range");
        rejected.add(2, "unknown_metric");
        rejected.inc("say \"hi\"\n");
        for (int i = 1; i <= 100; i++) {
            commit.observe(i / 1000.0);
        }

        assertThat(registry.render()).isEqualTo("""
                # HELP agri_readings_stored_total Readings stored
                # TYPE agri_readings_stored_total counter
                agri_readings_stored_total 42
                # HELP agri_readings_rejected_total Rejected, by reason
                # TYPE agri_readings_rejected_total counter
                agri_readings_rejected_total{reason="out_of_range"} 1
                agri_readings_rejected_total{reason="say \\"hi\\"\\n"} 1
                agri_readings_rejected_total{reason="unknown_metric"} 2
                # HELP agri_mqtt_connected Connected
                # TYPE agri_mqtt_connected gauge
                agri_mqtt_connected 1
                # HELP agri_ingest_commit_seconds Commit time
                # TYPE agri_ingest_commit_seconds summary
                agri_ingest_commit_seconds{quantile="0.5"} 0.05
                agri_ingest_commit_seconds{quantile="0.9"} 0.09
                agri_ingest_commit_seconds{quantile="0.99"} 0.099
                agri_ingest_commit_seconds_sum 5.050000000000001
                agri_ingest_commit_seconds_count 100
                """);
        assertThat(rejected.value("unknown_metric")).isEqualTo(2);
    }

    @Test
    void aSummaryWithoutObservationsReportsNaNQuantilesAndALabelCountMismatchIsAnError() {
        MetricsRegistry registry = new MetricsRegistry();
        registry.summary("s", "h");
        assertThat(registry.render()).contains("s{quantile=\"0.5\"} NaN", "s_count 0");
        MetricsRegistry.Counter c = registry.counter("c_total", "h", "a", "b");
        assertThatThrownBy(() -> c.inc("only-one")).hasMessage("c_total takes labels [a, b]");
    }
}
