package io.agrisense.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HttpMetricsTest {

    @Test
    void aTemplateMatchesItsPathsWithOneSegmentPerParameter() {
        Pattern latest = HttpMetrics.pattern("/api/v1/stations/:id/latest");

        assertThat(latest.matcher("/api/v1/stations/pond-3/latest").matches()).isTrue();
        assertThat(latest.matcher("/api/v1/stations/pond-3/latest/").matches()).isTrue();
        assertThat(latest.matcher("/api/v1/stations/a/b/latest").matches()).isFalse();
        assertThat(latest.matcher("/api/v1/stations//latest").matches()).isFalse();
        assertThat(latest.matcher("/api/v1/stations/pond-3").matches()).isFalse();
    }

    @Test
    void literalSegmentsMatchOnlyThemselves() {
        assertThat(HttpMetrics.pattern("/health").matcher("/health").matches()).isTrue();
        assertThat(HttpMetrics.pattern("/health").matcher("/healthz").matches()).isFalse();
        assertThat(HttpMetrics.pattern("/api/openapi.yaml").matcher("/api/openapiXyaml").matches()).isFalse();
        assertThat(HttpMetrics.pattern("/").matcher("/").matches()).isTrue();
        assertThat(HttpMetrics.pattern("/").matcher("/index.html").matches()).isFalse();
    }
}
