package io.agrisense.platform.model.oxygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RespirationTemperatureTest {

    @Test
    void reproducesLinsSedimentOxygenDemandExample() {
        // Lin (2007): SOD 3.86 g/(m2 d) at 24 C is 3.86 / 1.047^4 = 3.86 / 1.2017 = 3.21 at the standard 20 C
        assertThat(RespirationTemperature.correct(3.86, 24, 20, RespirationTemperature.THETA)).isCloseTo(3.212, within(0.001));
        assertThat(Math.pow(RespirationTemperature.THETA, 4)).isCloseTo(1.2017, within(1e-4));
        assertThat(RespirationTemperature.correct(1, 20, 30, 1.047)).isCloseTo(1.5829, within(1e-4));
    }

    @Test
    void rejectsAnImplausibleCoefficient() {
        assertThatThrownBy(() -> RespirationTemperature.correct(1, 20, 25, 0.9)).hasMessageContaining("theta");
    }
}
