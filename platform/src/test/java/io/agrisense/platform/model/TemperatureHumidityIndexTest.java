package io.agrisense.platform.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TemperatureHumidityIndexTest {

    @Test
    void computesTheNrc1971Form() {
        // (1.8T+32) - (0.55-0.0055RH)(1.8T-26), worked by hand
        assertThat(TemperatureHumidityIndex.of(30, 60)).isCloseTo(86 - 0.22 * 28, within(1e-9)); // 79.84
        assertThat(TemperatureHumidityIndex.of(25, 50)).isCloseTo(77 - 0.275 * 19, within(1e-9)); // 71.775
        assertThat(TemperatureHumidityIndex.of(32, 50)).isCloseTo(89.6 - 0.275 * 31.6, within(1e-9)); // 80.91
        assertThat(TemperatureHumidityIndex.of(35, 70)).isCloseTo(95 - 0.165 * 37, within(1e-9)); // 88.895
    }

    @Test
    void saturatedAirGivesTheDryBulbInFahrenheit() {
        // at 100 %RH the humidity term vanishes
        assertThat(TemperatureHumidityIndex.of(25, 100)).isCloseTo(77, within(1e-9));
    }

    @Test
    void classifiesWithArmstrongBands() {
        assertThat(TemperatureHumidityIndex.stress(25, 50)).isEqualTo(HeatStress.NONE);
        assertThat(TemperatureHumidityIndex.stress(30, 60)).isEqualTo(HeatStress.MODERATE);
        assertThat(TemperatureHumidityIndex.stress(35, 70)).isEqualTo(HeatStress.MODERATE);
        assertThat(HeatStress.of(71.99)).isEqualTo(HeatStress.NONE);
        assertThat(HeatStress.of(72)).isEqualTo(HeatStress.MILD);
        assertThat(HeatStress.of(78.99)).isEqualTo(HeatStress.MILD);
        assertThat(HeatStress.of(79)).isEqualTo(HeatStress.MODERATE);
        assertThat(HeatStress.of(89)).isEqualTo(HeatStress.SEVERE);
        assertThat(HeatStress.of(98)).isEqualTo(HeatStress.SEVERE);
        assertThat(HeatStress.of(98.5)).isEqualTo(HeatStress.DANGEROUS);
    }
}
