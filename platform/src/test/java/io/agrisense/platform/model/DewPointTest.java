package io.agrisense.platform.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DewPointTest {

    @Test
    void matchesPsychrometricTableValues() {
        // dew points of the usual psychrometric tables, to 0.1 degree
        assertThat(DewPoint.celsius(20, 50)).isCloseTo(9.3, within(0.05));
        assertThat(DewPoint.celsius(25, 60)).isCloseTo(16.7, within(0.05));
        assertThat(DewPoint.celsius(30, 80)).isCloseTo(26.2, within(0.05));
        assertThat(DewPoint.celsius(0, 90)).isCloseTo(-1.4, within(0.05));
    }

    @Test
    void saturatedAirIsAtItsDewPoint() {
        assertThat(DewPoint.celsius(12.5, 100)).isCloseTo(12.5, within(1e-9));
        assertThat(DewPoint.celsius(-5, 100)).isCloseTo(-5, within(1e-9));
    }

    @Test
    void relativeHumidityInvertsTheDewPoint() {
        double td = DewPoint.celsius(18.3, 47);
        assertThat(DewPoint.relativeHumidity(18.3, td)).isCloseTo(47, within(1e-9));
    }

    @Test
    void rejectsHumidityOutsideItsRange() {
        assertThatThrownBy(() -> DewPoint.celsius(20, 0)).hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> DewPoint.celsius(20, 101)).hasMessageContaining("101.0 %RH");
    }
}
