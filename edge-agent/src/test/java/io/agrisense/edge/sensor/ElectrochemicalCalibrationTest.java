package io.agrisense.edge.sensor;

import static io.agrisense.edge.sensor.BackgroundAlgorithm.FOUR;
import static io.agrisense.edge.sensor.BackgroundAlgorithm.ONE;
import static io.agrisense.edge.sensor.BackgroundAlgorithm.THREE;
import static io.agrisense.edge.sensor.BackgroundAlgorithm.TWO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElectrochemicalCalibrationTest {

    /** AAN 803-05 Table 3, the rows of the four B4 sensors, at -30, -20, ..., 50 °C. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
            "CO_B4;    ONE;   0.7 0.7 0.7 0.7 1.0 3.0 3.5 4.0 4.5",
            "CO_B4;    TWO;   0.2 0.2 0.2 0.2 0.3 1.0 1.2 1.3 1.5",
            "CO_B4;    THREE; -1.0 -0.5 0.0 0.0 0.0 1.0 1.0 1.0 1.0",
            "CO_B4;    FOUR;  55 55 55 50 31 0 -50 -150 -250",
            "NO2_B43F; ONE;   1.3 1.3 1.3 1.3 1.0 0.6 0.4 0.2 -1.5",
            "NO2_B43F; TWO;   2.2 2.2 2.2 2.2 1.7 1.0 0.7 0.3 -2.5",
            "NO2_B43F; THREE; 1.0 1.0 1.0 1.0 1.0 1.0 0.4 -0.1 -4.0",
            "NO2_B43F; FOUR;  7 7 7 7 4 0 0.5 5 67",
            "OX_B431;  ONE;   0.9 0.9 1.0 1.3 1.5 1.7 2.0 2.5 3.7",
            "OX_B431;  TWO;   0.5 0.5 0.6 0.8 0.9 1.0 1.2 1.5 2.2",
            "OX_B431;  THREE; 0.5 0.5 0.5 0.6 0.6 1.0 2.8 5.0 5.3",
            "OX_B431;  FOUR;  1 1 1 1 1 1 8.5 23 103",
            "SO2_B4;   ONE;   1.6 1.6 1.6 1.6 1.6 1.6 1.9 3.0 5.8",
            "SO2_B4;   TWO;   1.0 1.0 1.0 1.0 1.0 1.0 1.2 1.9 3.6",
            "SO2_B4;   THREE; 1.0 1.0 1.0 1.0 1.0 1.0 2.0 3.5 7.0",
            "SO2_B4;   FOUR;  -4 -4 -4 -4 -4 0 20 140 450"})
    void temperatureFactorsAtTheTablePoints(ElectrochemicalCell cell, BackgroundAlgorithm algorithm, String row) {
        String[] f = row.trim().split("\\s+");
        for (int k = 0; k < f.length; k++) {
            int celsius = -30 + 10 * k;
            assertThat(cell.factor(algorithm, celsius)).as("%s %s at %d °C", cell, algorithm, celsius)
                    .isCloseTo(Double.parseDouble(f[k]), within(1e-12));
        }
    }

    @Test
    void factorsAreInterpolatedBetweenTenDegreePointsAndRefusedOutsideTheTable() {
        assertThat(ElectrochemicalCell.NO2_B43F.factor(ONE, 25)).isCloseTo(0.5, within(1e-12));   // (0.6 + 0.4) / 2
        assertThat(ElectrochemicalCell.NO2_B43F.factor(ONE, 17.5)).isCloseTo(0.7, within(1e-12)); // 1.0 + 0.75 (0.6 - 1.0)
        assertThat(ElectrochemicalCell.CO_B4.factor(FOUR, 35)).isCloseTo(-100, within(1e-12));
        assertThatThrownBy(() -> ElectrochemicalCell.SO2_B4.factor(FOUR, 50.5))
                .hasMessage("SO2_B4: 50.5 °C is outside -30..50 °C, where AAN 803-05 gives temperature factors");
        assertThatThrownBy(() -> ElectrochemicalCell.SO2_B4.factor(FOUR, Double.NaN)).hasMessageContaining("outside");
    }

    @Test
    void theFourAlgorithmsOnOneNo2Reading() {
        // NO2-B43F sheet: WEe 230, WEt 236 (WEo 6), AEe 232, AEt 236 (AEo 4) mV; reading WEu 222, AEu 234 mV at 20 °C:
        // WEu - WEe = -8, AEu - AEe = 2
        ElectrochemicalCalibration sheet = ElectrochemicalCalibration.of(ElectrochemicalCell.NO2_B43F, 230, 236, 232, 236, -0.25);
        double[] expected = {
                -8 - 0.6 * 2,             // 1: n_T 0.6                 -> -9.2
                -8 - 1.0 * (6.0 / 4) * 2, // 2: k_T 1.0, WEo/AEo 1.5    -> -11
                -8 - (6 - 4) - 1.0 * 2,   // 3: k'_T 1.0               -> -12
                -8 - 6 - 0.0};            // 4: k''_T 0                -> -14
        BackgroundAlgorithm[] algorithms = {ONE, TWO, THREE, FOUR};
        for (int i = 0; i < 4; i++) {
            ElectrochemicalCalibration with = new ElectrochemicalCalibration(sheet.cell(), algorithms[i], 230, 236, 232, 236, -0.25, 0);
            assertThat(with.correctedWeMv(222, 234, 20)).as("algorithm %s", algorithms[i]).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void nitrogenDioxideToPpbAndMicrograms() {
        ElectrochemicalCalibration no2 = ElectrochemicalCalibration.of(ElectrochemicalCell.NO2_B43F, 230, 236, 232, 236, -0.25);
        // 25 °C, n_T 0.5: WEc = -8 - 0.5 * 2 = -9 mV; / -0.25 mV/ppb = 36 ppb; * 46.005 / 24.4654 = 67.69 ug/m3
        double ppb = no2.ppb(222, 234, 25);
        assertThat(ppb).isCloseTo(36, within(1e-9));
        assertThat(no2.microgramsPerCubicMetre(ppb)).isCloseTo(67.69, within(0.01));
    }

    @Test
    void ozoneIsTheOxidantLessTheNo2() {
        ElectrochemicalCalibration ox = new ElectrochemicalCalibration(ElectrochemicalCell.OX_B431, ONE,
                225, 240, 228, 236, -0.40, -0.35);
        // 20 °C, n_T 1.7: WEc = (195 - 225) - 1.7 (230 - 228) = -33.4 mV; 30 ppb NO2 give 30 * -0.35 = -10.5 mV of it;
        // O3 = (-33.4 + 10.5) / -0.40 = 57.25 ppb = 57.25 * 47.997 / 24.4654 = 112.31 ug/m3
        double o3 = ox.ozonePpb(195, 230, 20, 30);
        assertThat(o3).isCloseTo(57.25, within(1e-9));
        assertThat(ox.microgramsPerCubicMetre(o3)).isCloseTo(112.31, within(0.01));
        // without the NO2 taken off, the cell reads the oxidant sum: -33.4 / -0.40 = 83.5 ppb
        assertThat(ox.ppb(195, 230, 20)).isCloseTo(83.5, within(1e-9));
    }

    @Test
    void sulfurDioxideUsesTheWorkingElectrodeAlone() {
        // SO2-B4, algorithm 4 at 30 °C (k''_T 20 mV): WEc = (340 - 300) - 10 - 20 = 10 mV; / 0.30 = 33.33 ppb = 87.28 ug/m3
        ElectrochemicalCalibration so2 = ElectrochemicalCalibration.of(ElectrochemicalCell.SO2_B4, 300, 310, 290, 295, 0.30);
        assertThat(so2.algorithm()).isEqualTo(FOUR);
        assertThat(so2.ppb(340, 999, 30)).isCloseTo(33.333, within(1e-3));
        assertThat(so2.microgramsPerCubicMetre(so2.ppb(340, 999, 30))).isCloseTo(87.28, within(0.01));
    }

    @Test
    void carbonMonoxideInMilligrams() {
        // CO-B4, algorithm 1 at 20 °C (n_T 3.0): WEc = (420 - 330) - 3.0 (338 - 335) = 81 mV; / 0.45 = 180 ppb
        // = 180 * 28.010 / 24.4654 = 206.08 ug/m3 = 0.206 mg/m3
        ElectrochemicalCalibration co = ElectrochemicalCalibration.of(ElectrochemicalCell.CO_B4, 330, 345, 335, 340, 0.45);
        assertThat(co.ppb(420, 338, 20)).isCloseTo(180, within(1e-9));
        assertThat(co.microgramsPerCubicMetre(180)).isCloseTo(206.08, within(0.01));
    }

    @Test
    void impossibleCalibrationsAndUsesAreRefused() {
        ElectrochemicalCalibration zeroAux = new ElectrochemicalCalibration(ElectrochemicalCell.CO_B4, TWO, 330, 345, 335, 335, 0.45, 0);
        assertThatThrownBy(() -> zeroAux.ppb(400, 340, 20)).hasMessageContaining("algorithm 2 divides by the auxiliary sensor zero");
        assertThatThrownBy(() -> new ElectrochemicalCalibration(ElectrochemicalCell.CO_B4, ONE, 0, 0, 0, 0, 0.45, 0.1))
                .hasMessageContaining("only the OX-B431");
        assertThatThrownBy(() -> ElectrochemicalCalibration.of(ElectrochemicalCell.CO_B4, 0, 0, 0, 0, 0))
                .hasMessageContaining("must be finite and non-zero");
        ElectrochemicalCalibration no2 = ElectrochemicalCalibration.of(ElectrochemicalCell.NO2_B43F, 230, 236, 232, 236, -0.25);
        assertThatThrownBy(() -> no2.ozonePpb(1, 1, 20, 1)).hasMessageContaining("does not measure O3");
    }
}
