package io.agrisense.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.protocol.GasUnits.Gas;
import io.agrisense.protocol.GasUnits.ReferenceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GasUnitsTest {

    @Test
    void molarVolumesOfTheTwoStatesOfGb3095() {
        // 8.314462618 * 298.15 / 101325 = 0.0244654 m3/mol; * 273.15 / 101325 = 0.0224140 m3/mol
        assertThat(ReferenceState.REFERENCE_298K.litresPerMole()).isCloseTo(24.4654, within(1e-4));
        assertThat(ReferenceState.STANDARD_273K.litresPerMole()).isCloseTo(22.4140, within(1e-4));
    }

    @ParameterizedTest(name = "1 ppb {0} = {1} ug/m3 at 298.15 K")
    @CsvSource({
            // M / 24.4654: the factors the EPA and the amended GB 3095 use (NO2 1.88, O3 1.96, SO2 2.62, CO 1.145)
            "SO2, 2.6183", "NO2, 1.8804", "O3, 1.9618", "CO, 1.1449"})
    void onePpbAtTheAmendedReferenceState(Gas gas, double expected) {
        assertThat(GasUnits.microgramsPerCubicMetre(gas, 1, ReferenceState.REFERENCE_298K)).isCloseTo(expected, within(1e-4));
    }

    @Test
    void theStandardStateGivesTheLargerPre2018Figures() {
        // 100 ppb SO2 * 64.058 / 22.4140 = 285.79 ug/m3 (vs 261.83 at 298.15 K)
        assertThat(GasUnits.microgramsPerCubicMetre(Gas.SO2, 100, ReferenceState.STANDARD_273K)).isCloseTo(285.79, within(0.01));
        assertThat(GasUnits.microgramsPerCubicMetre(Gas.SO2, 100, ReferenceState.REFERENCE_298K)).isCloseTo(261.83, within(0.01));
    }

    @Test
    void ppbIsTheInverse() {
        double ug = GasUnits.microgramsPerCubicMetre(Gas.O3, 70, ReferenceState.REFERENCE_298K);
        assertThat(GasUnits.ppb(Gas.O3, ug, ReferenceState.REFERENCE_298K)).isCloseTo(70, within(1e-9));
        // HJ 633's O3 8-h breakpoint 160 ug/m3 is 81.55 ppb at 298.15 K
        assertThat(GasUnits.ppb(Gas.O3, 160, ReferenceState.REFERENCE_298K)).isCloseTo(81.556, within(1e-3));
    }

    @Test
    void rejectsNonFiniteValuesAndImpossibleStates() {
        assertThatThrownBy(() -> GasUnits.microgramsPerCubicMetre(Gas.CO, Double.NaN, ReferenceState.REFERENCE_298K))
                .hasMessageContaining("not a finite concentration");
        assertThatThrownBy(() -> new ReferenceState(0, 101_325)).hasMessageContaining("positive finite temperature");
    }
}
