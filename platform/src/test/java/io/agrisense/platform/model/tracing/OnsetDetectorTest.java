package io.agrisense.platform.model.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agrisense.platform.model.tracing.OnsetDetector.Onset;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OnsetDetectorTest {

    static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");
    static final OnsetDetector DETECTOR = new OnsetDetector(12, 4, 3, 0.05);

    @Test
    void aSustainedRiseIsFoundWhereItStarts() {
        double[] v = new double[40];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 25 ? 1.0 + 0.02 * (i % 3) : 3.0;
        }
        Onset onset = DETECTOR.first(new RegularSeries(T0, Duration.ofMinutes(10), v)).orElseThrow();
        assertThat(onset.index()).isEqualTo(25);
        assertThat(onset.time()).isEqualTo(T0.plus(Duration.ofMinutes(250)));
        assertThat(onset.baselineMedian()).isEqualTo(1.02);
    }

    @Test
    void aSingleSpikeIsNotARiseAndGapsDoNotCount() {
        double[] v = new double[40];
        Arrays.fill(v, 1.0);
        v[20] = 50;          // one spike: no rise
        v[30] = 3;
        v[31] = Double.NaN;  // a gap breaks the run
        v[32] = 3;
        RegularSeries s = new RegularSeries(T0, Duration.ofMinutes(10), v);
        assertThat(DETECTOR.first(s)).isEmpty();
        // and the onset search stops at "to": data after it is not yet known
        v[33] = 3;
        v[34] = 3;
        assertThat(DETECTOR.first(new RegularSeries(T0, Duration.ofMinutes(10), v), 0, 34)).isEmpty();
        assertThat(DETECTOR.first(new RegularSeries(T0, Duration.ofMinutes(10), v), 0, 35).orElseThrow().index()).isEqualTo(32);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new OnsetDetector(2, 4, 3, 0.1)).hasMessageContaining("baseline >= 3");
        assertThatThrownBy(() -> new RegularSeries(T0, Duration.ZERO, new double[1])).hasMessageContaining("positive");
    }
}
