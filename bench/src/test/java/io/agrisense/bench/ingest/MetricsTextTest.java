package io.agrisense.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsTextTest {

    private static final String TEXT = """
            # HELP agri_readings_duplicate_total Readings already stored
            # TYPE agri_readings_duplicate_total counter
            agri_readings_duplicate_total 12.0
            agri_readings_duplicate_total_other 99.0
            # TYPE agri_derived_readings_total counter
            agri_derived_readings_total{outcome="stored"} 40.0
            agri_derived_readings_total{outcome="dropped"} 3.0
            # TYPE agri_ingest_batch_readings histogram
            agri_ingest_batch_readings_bucket{le="100.0"} 1
            agri_ingest_batch_readings_bucket{le="1000.0"} 4
            agri_ingest_batch_readings_bucket{le="+Inf"} 4
            agri_ingest_batch_readings_count 4
            agri_ingest_batch_readings_sum 3000.0
            # TYPE agri_ingest_batch_readings_max gauge
            agri_ingest_batch_readings_max 1200.0
            """;

    @Test
    void sumsEveryLabelSetOfExactlyThatName() {
        assertThat(MetricsText.sum(TEXT, "agri_readings_duplicate_total")).isEqualTo(12);
        assertThat(MetricsText.sum(TEXT, "agri_derived_readings_total")).isEqualTo(43);
        assertThat(MetricsText.sum(TEXT, "agri_missing_total")).isZero();
    }

    @Test
    void readsOneLabelledSampleAndAHistogramsMean() {
        assertThat(MetricsText.labelled(TEXT, "agri_derived_readings_total", "{outcome=\"dropped\"}")).isEqualTo(3);
        assertThat(MetricsText.mean(TEXT, "agri_ingest_batch_readings")).isEqualTo(750);
        assertThat(MetricsText.mean(TEXT, "agri_ingest_commit_seconds")).isNaN();
    }
}
