package io.agrisense.platform.model.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RobustStatisticsTest {

    @Test
    void medianAndMadIgnoreOneWildValueAndMissingOnes() {
        double[] values = {10, 12, 11, 13, 500, Double.NaN, 9};
        // sorted 9 10 11 12 13 500: median (11 + 12) / 2 = 11.5; |dev| 2.5 1.5 0.5 0.5 1.5 488.5 -> median 1.5
        assertThat(RobustStatistics.median(values)).isEqualTo(11.5);
        assertThat(RobustStatistics.mad(values)).isEqualTo(1.5);
        assertThat(RobustStatistics.robustSigma(values, 0.1)).isCloseTo(2.2239, within(1e-4));
    }

    @Test
    void aFlatSeriesFallsBackToTheFloor() {
        assertThat(RobustStatistics.robustSigma(new double[]{5, 5, 5, 5}, 0.5)).isEqualTo(0.5);
        assertThat(RobustStatistics.robustSigma(new double[]{Double.NaN}, 0.5)).isEqualTo(0.5);
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // h = 9 * 0.9 = 8.1 -> 9 + 0.1 * (10 - 9) = 9.1 ; h = 9 * 0.25 = 2.25 -> 3.25
        assertThat(RobustStatistics.quantile(values, 0.9)).isCloseTo(9.1, within(1e-12));
        assertThat(RobustStatistics.quantile(values, 0.25)).isCloseTo(3.25, within(1e-12));
        assertThat(RobustStatistics.quantile(values, 0)).isEqualTo(1);
        assertThat(RobustStatistics.quantile(values, 1)).isEqualTo(10);
        assertThat(RobustStatistics.quantile(new double[0], 0.5)).isNaN();
        assertThatThrownBy(() -> RobustStatistics.quantile(values, 1.5)).hasMessageContaining("within 0..1");
    }
}
