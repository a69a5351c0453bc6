package io.agrisense.bench.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void percentilesAreNearestRankOverEverySample() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 100; i >= 1; i--) {
            recorder.record(i * 1_000_000L);
        }
        LatencyRecorder.Summary s = recorder.summary();
        assertThat(s.samples()).isEqualTo(100);
        assertThat(s.p50()).isEqualTo(50_000_000L);
        assertThat(s.p90()).isEqualTo(90_000_000L);
        assertThat(s.p99()).isEqualTo(99_000_000L);
        assertThat(s.p999()).isEqualTo(100_000_000L);
        assertThat(s.max()).isEqualTo(100_000_000L);
        assertThat(s.markdownRow("x")).isEqualTo("| x | 100 | 50.00 | 90.00 | 99.00 | 100.00 | 100.00 |");
    }

    @Test
    void aSingleSampleIsEveryPercentileAndNoSamplesIsAnError() {
        LatencyRecorder recorder = new LatencyRecorder();
        assertThatThrownBy(recorder::summary).hasMessage("no latency samples recorded");
        assertThatThrownBy(() -> recorder.record(-1)).hasMessageContaining("negative");
        recorder.record(7);
        assertThat(recorder.summary().p50()).isEqualTo(7);
        assertThat(recorder.summary().p99()).isEqualTo(7);
    }
}
