package io.agrisense.edge.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProbeCalibrationTest {

    @Test
    void soilMoistureIsLinearBetweenDryAndWet() {
        SoilMoistureCalibration soil = new SoilMoistureCalibration(2.9, 1.3);

        assertThat(soil.value(2.9, Double.NaN)).isZero();
        assertThat(soil.value(1.3, Double.NaN)).isEqualTo(100.0);
        assertThat(soil.value(2.1, Double.NaN)).isCloseTo(50.0, within(1e-9));
        assertThat(soil.volts(25.0, Double.NaN)).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void soilMoistureClampsSmallExcursionsAndRejectsLargeOnes() {
        SoilMoistureCalibration soil = new SoilMoistureCalibration(2.9, 1.3);

        assertThat(soil.value(3.0, Double.NaN)).isZero();
        assertThat(soil.rangeProblem(3.0)).isNull();
        assertThat(soil.rangeProblem(3.2)).contains("outside the calibrated range");
        assertThat(soil.rangeProblem(0.01)).contains("outside the calibrated range");
    }

    @Test
    void nernstSlopeIs59Point16MillivoltsAt25Celsius() {
        assertThat(PhCalibration.nernstSlope(25.0)).isCloseTo(0.05916, within(0.00001));
        assertThat(PhCalibration.nernstSlope(0.0)).isCloseTo(0.05420, within(0.00001));
    }

    @Test
    void twoPointPhCalibrationInterpolatesAtTheCalibrationTemperature() {
        // buffers at 25 °C: pH 7.00 -> 2.500 V, pH 4.00 -> 3.000 V (an inverting amplifier, 0.1667 V per pH)
        PhCalibration ph = new PhCalibration(new PiecewiseLinear(new double[][] {{2.5, 7.0}, {3.0, 4.0}}), 25.0, 7.0);

        assertThat(ph.value(2.5, 25.0)).isCloseTo(7.0, within(1e-9));
        assertThat(ph.value(2.75, 25.0)).isCloseTo(5.5, within(1e-9));
        assertThat(ph.value(2.25, Double.NaN)).isCloseTo(8.5, within(1e-9)); // extended beyond the buffers
    }

    @Test
    void phIsCompensatedByTheRatioOfAbsoluteTemperatures() {
        PhCalibration ph = new PhCalibration(new PiecewiseLinear(new double[][] {{2.5, 7.0}, {3.0, 4.0}}), 25.0, 7.0);

        // 0.5 V above pH 7 reads 3 pH units at 25 °C; at 35 °C the electrode's slope is 308.15/298.15 steeper
        assertThat(ph.value(3.0, 35.0)).isCloseTo(7.0 - 3.0 * 298.15 / 308.15, within(1e-9));
        assertThat(ph.value(2.5, 5.0)).isCloseTo(7.0, within(1e-9)); // the isopotential point does not move
        assertThat(ph.volts(ph.value(2.81, 12.0), 12.0)).isCloseTo(2.81, within(1e-9));
    }

    @Test
    void threePointPhCalibrationUsesSeparateAcidAndAlkalineSlopes() {
        PhCalibration ph = new PhCalibration(new PiecewiseLinear(new double[][] {
            {3.03, 4.0}, {2.50, 7.0}, {1.99, 10.0}}), 25.0, 7.0);

        assertThat(ph.value(2.765, 25.0)).isCloseTo(5.5, within(1e-9));
        assertThat(ph.value(2.245, 25.0)).isCloseTo(8.5, within(1e-9));
        assertThat(ph.volts(9.0, 25.0)).isCloseTo(2.16, within(1e-9));
    }

    @Test
    void oxygenSolubilityMatchesTheUsgsTable() {
        assertThat(DissolvedOxygenCalibration.saturationMgPerL(0)).isCloseTo(14.62, within(0.01));
        assertThat(DissolvedOxygenCalibration.saturationMgPerL(10)).isCloseTo(11.29, within(0.01));
        assertThat(DissolvedOxygenCalibration.saturationMgPerL(20)).isCloseTo(9.09, within(0.01));
        assertThat(DissolvedOxygenCalibration.saturationMgPerL(25)).isCloseTo(8.26, within(0.01));
        assertThat(DissolvedOxygenCalibration.saturationMgPerL(30)).isCloseTo(7.56, within(0.01));
    }

    @Test
    void dissolvedOxygenScalesTheSaturationValue() {
        DissolvedOxygenCalibration single = new DissolvedOxygenCalibration(new double[] {25}, new double[] {1.6});

        assertThat(single.value(1.6, 25)).isCloseTo(8.263, within(0.001));
        assertThat(single.value(0.8, 25)).isCloseTo(8.263 / 2, within(0.001));
        assertThat(single.value(1.6, 20)).isCloseTo(9.092, within(0.001));
    }

    @Test
    void twoSaturationPointsFollowTheMembraneWithTemperature() {
        DissolvedOxygenCalibration two = new DissolvedOxygenCalibration(new double[] {15, 25}, new double[] {1.3, 1.6});

        assertThat(two.saturationVoltsAt(20)).isCloseTo(1.45, within(1e-9));
        assertThat(two.value(1.45, 20)).isCloseTo(9.092, within(0.001));
        assertThat(two.volts(two.value(1.1, 28), 28)).isCloseTo(1.1, within(1e-9));
    }

    @Test
    void conductivityIsReferredTo25Celsius() {
        // 0.01 mol/L KCl: 1413 µS/cm = 0.1413 S/m at 25 °C; with alpha 0.02 it reads 10 % lower at 20 °C
        assertThat(ConductivityCalibration.at25(0.1413 * 0.9, 20.0, 0.02)).isCloseTo(0.1413, within(1e-9));

        ConductivityCalibration ec = new ConductivityCalibration(
                new PiecewiseLinear(new double[][] {{0.3, 0.1413}, {1.9, 1.288}}), 0.02);
        assertThat(ec.value(0.3, Double.NaN)).isCloseTo(0.1413, within(1e-9));
        assertThat(ec.value(0.3, 20.0)).isCloseTo(0.1413 / 0.9, within(1e-9));
        assertThat(ec.volts(ec.value(1.2, 17.0), 17.0)).isCloseTo(1.2, within(1e-9));
    }

    @Test
    void conductivityFromTheCellConstant() {
        // 1 V on a 1 mS/V transmitter = 1 mS conductance; K = 1.0 /cm -> 1 mS/cm = 0.1 S/m
        ConductivityCalibration ec = ConductivityCalibration.ofCellConstant(1.0, 0.001, 0.02);

        assertThat(ec.value(1.0, Double.NaN)).isCloseTo(0.1, within(1e-12));
        assertThat(ec.value(1.0, 25.0)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void turbidityFollowsItsCurveAndRejectsAnUnpluggedProbe() {
        TurbidityCalibration t = new TurbidityCalibration(new PiecewiseLinear(new double[][] {
            {4.2, 0}, {3.5, 1000}, {2.5, 3000}}));

        assertThat(t.value(3.85, Double.NaN)).isCloseTo(500, within(1e-9));
        assertThat(t.value(3.0, Double.NaN)).isCloseTo(2000, within(1e-9));
        assertThat(t.value(4.25, Double.NaN)).isZero();
        assertThat(t.volts(2000, Double.NaN)).isCloseTo(3.0, within(1e-9));
        assertThat(t.rangeProblem(0.02)).contains("outside the calibrated range");
    }

    @Test
    void piecewiseLinearRejectsNonMonotonicPoints() {
        assertThatThrownBy(() -> new PiecewiseLinear(new double[][] {{1, 1}, {2, 3}, {3, 2}}))
                .hasMessageContaining("rise or fall steadily");
        assertThatThrownBy(() -> new PiecewiseLinear(new double[][] {{1, 1}, {1, 3}}))
                .hasMessageContaining("same input");
        assertThatThrownBy(() -> new PiecewiseLinear(new double[][] {{1, 1}}))
                .hasMessageContaining("at least two");
    }
}
