package io.agrisense.platform.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DissolvedOxygenTest {

    @ParameterizedTest(name = "{0} Cel -> {1} mg/L")
    @CsvSource({"0, 14.62", "5, 12.77", "10, 11.29", "15, 10.08", "20, 9.09", "25, 8.26", "30, 7.56", "35, 6.95"})
    void saturationMatchesTheAphaTableAtSalinityZero(double temperature, double expected) {
        // APHA Standard Methods 4500-O solubility table (Benson & Krause), 1 atm, chlorinity 0
        assertThat(DissolvedOxygen.saturation(temperature)).isCloseTo(expected, within(0.02));
    }

    @Test
    void pressureCorrectionIsNeutralAtOneAtmosphereAndScalesBelowIt() {
        assertThat(DissolvedOxygen.saturation(20, 101.325)).isCloseTo(DissolvedOxygen.saturation(20), within(1e-9));
        // 700 mmHg = 93.33 kPa, worked by hand with APHA 4500-O: 9.092 * 0.92105 * 0.99803 = 8.358
        assertThat(DissolvedOxygen.saturation(20, 700 * 0.133322)).isCloseTo(8.36, within(0.01));
    }

    @Test
    void percentSaturationRelatesAReadingToTheSaturation() {
        assertThat(DissolvedOxygen.percentSaturation(4.546, 20)).isCloseTo(50.0, within(0.1));
        assertThat(DissolvedOxygen.percentSaturation(8.26, 25)).isCloseTo(100.0, within(0.1));
    }

    @Test
    void refusesTemperaturesOutsideTheEquationsRange() {
        assertThatThrownBy(() -> DissolvedOxygen.saturation(-1)).hasMessageContaining("Benson-Krause");
    }
}
