package io.agrisense.platform.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinearRegressionTest {

    @Test
    void fitsTheLineAndItsPredictionError() {
        // y = 1 + 2x with residuals +0.1, -0.1, -0.1, +0.1 at x = 0..3
        LinearRegression line = LinearRegression.fit(new double[]{0, 1, 2, 3}, new double[]{1.1, 2.9, 4.9, 7.1});

        assertThat(line.slope()).isCloseTo(2.0, within(1e-12));
        assertThat(line.intercept()).isCloseTo(1.0, within(1e-12));
        assertThat(line.meanX()).isEqualTo(1.5);
        assertThat(line.sxx()).isCloseTo(5.0, within(1e-12));
        // s = sqrt(0.04 / 2); at x = 4: s sqrt(1 + 1/4 + 6.25/5)
        assertThat(line.residualStd()).isCloseTo(Math.sqrt(0.02), within(1e-12));
        assertThat(line.predictionStdError(4)).isCloseTo(Math.sqrt(0.02) * Math.sqrt(2.5), within(1e-12));
        assertThat(line.rSquared()).isCloseTo(1 - 0.04 / 20.04, within(1e-12));
        assertThat(line.predict(4)).isCloseTo(9, within(1e-12));
    }

    @Test
    void degenerateInputIsRejected() {
        assertThatThrownBy(() -> LinearRegression.fit(new double[]{1}, new double[]{1})).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> LinearRegression.fit(new double[]{1, 1}, new double[]{1, 2})).hasMessageContaining("different x");
        assertThat(LinearRegression.fit(new double[]{0, 1}, new double[]{0, 1}).residualStd()).isNaN();
    }
}
