package io.agrisense.platform.model.frost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinimumTemperatureForecastTest {

    /**
     * The ten sample nights of Snyder and de Melo-Abreu (FAO 2005, ch. 5, FFST.xls): temperature and dew point
     * two hours after sunset and the observed minimum, as the R package frost (Diedrichs 2018) reproduces them.
     */
    static final double[] T0 = {3.2, 0.8, 0.2, 2.6, 4.4, 5.2, 2.7, 1.2, 4.5, 5.6};
    static final double[] TD0 = {-4.2, -8.8, -6.5, -6.2, -6.1, 2.6, -0.7, -1.7, -1.2, 0.1};
    static final double[] TN = {-3.1, -5, -6.3, -5.4, -4, -2.5, -4.8, -5, -4.4, -3.3};

    static List<MinimumTemperatureForecast.Night> sampleNights() {
        List<MinimumTemperatureForecast.Night> nights = new ArrayList<>();
        for (int i = 0; i < T0.length; i++) {
            nights.add(new MinimumTemperatureForecast.Night(T0[i], TD0[i], TN[i]));
        }
        return nights;
    }

    @Test
    void twoStepRegressionOfTheBooksSampleNightsReproducesTheFfstForecast() {
        MinimumTemperatureForecast forecast = MinimumTemperatureForecast.calibrate(sampleNights());

        // minima on T0 first (slope 0.5028, intercept -5.9085), then the residuals on Td0 (slope 0.0265)
        assertThat(forecast.a()).isCloseTo(0.50281, within(1e-5));
        assertThat(forecast.b()).isCloseTo(0.02647, within(1e-5));
        assertThat(forecast.c()).isCloseTo(-5.82199, within(1e-5));
        // predFAO(buildFAO(td, t0, tn), 10, 2) = -0.7409219 in the frost package's example
        assertThat(forecast.predict(10, 2)).isCloseTo(-0.7409219, within(1e-6));
        assertThat(forecast.nights()).isEqualTo(10);
        assertThat(forecast.residualStd()).isCloseTo(0.7543, within(1e-4));
    }

    @Test
    void tooFewOrIncompleteNightsAreRejected() {
        assertThatThrownBy(() -> MinimumTemperatureForecast.calibrate(sampleNights().subList(0, 4)))
                .hasMessageContaining("at least 5");
        List<MinimumTemperatureForecast.Night> broken = new ArrayList<>(sampleNights());
        broken.set(3, new MinimumTemperatureForecast.Night(2.6, Double.NaN, -5.4));
        assertThatThrownBy(() -> MinimumTemperatureForecast.calibrate(broken)).hasMessageContaining("night 4");
    }
}
