package io.agrisense.platform.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VapourPressureDeficitTest {

    @Test
    void isTheUnsaturatedShareOfTheFao56SaturationPressure() {
        // e°(25) = 3.168 kPa and e°(30) = 4.243 kPa (FAO-56 Annex 2 Table 2.3)
        assertThat(VapourPressureDeficit.kPa(25, 60)).isCloseTo(3.168 * 0.40, within(0.001));
        assertThat(VapourPressureDeficit.kPa(30, 50)).isCloseTo(4.243 * 0.50, within(0.001));
    }

    @Test
    void saturatedAirHasNoDeficitAndDryAirTheWholeSaturationPressure() {
        assertThat(VapourPressureDeficit.kPa(24.5, 100)).isCloseTo(0, within(1e-12));
        assertThat(VapourPressureDeficit.kPa(24.5, 0)).isCloseTo(3.075, within(0.0005));
    }
}
