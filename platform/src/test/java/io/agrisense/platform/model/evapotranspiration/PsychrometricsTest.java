package io.agrisense.platform.model.evapotranspiration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PsychrometricsTest {

    @Test
    void saturationVapourPressureMatchesFao56Example3() {
        // FAO-56 Example 3: Tmax 24.5, Tmin 15 -> e°(24.5) 3.075, e°(15) 1.705, es 2.39 kPa
        assertThat(Psychrometrics.saturationVapourPressure(24.5)).isCloseTo(3.075, within(0.0005));
        assertThat(Psychrometrics.saturationVapourPressure(15)).isCloseTo(1.705, within(0.0005));
        assertThat(Psychrometrics.meanSaturationVapourPressure(24.5, 15)).isCloseTo(2.39, within(0.005));
    }

    @Test
    void saturationVapourPressureAndSlopeMatchFao56AnnexTables() {
        // FAO-56 Annex 2 Tables 2.3 (e°) and 2.4 (slope)
        assertThat(Psychrometrics.saturationVapourPressure(20)).isCloseTo(2.338, within(0.0005));
        assertThat(Psychrometrics.saturationVapourPressure(30)).isCloseTo(4.243, within(0.0005));
        assertThat(Psychrometrics.saturationSlope(20)).isCloseTo(0.145, within(0.0005));
        assertThat(Psychrometrics.saturationSlope(30)).isCloseTo(0.243, within(0.0005));
    }

    @Test
    void actualVapourPressureFromHumidityMatchesFao56Example5() {
        // FAO-56 Example 5: Tmax 25, Tmin 18, RHmax 82, RHmin 54 -> ea 1.70 kPa; RHmean 68 -> ea 1.78 kPa
        assertThat(Psychrometrics.actualFromHumidityExtremes(25, 18, 82, 54)).isCloseTo(1.70, within(0.005));
        assertThat(Psychrometrics.actualFromMeanHumidity(25, 18, 68)).isCloseTo(1.78, within(0.005));
        // eq. 18 with RHmax only: 2.064 * 0.82
        assertThat(Psychrometrics.actualFromMaximumHumidity(18, 82)).isCloseTo(1.69, within(0.005));
        // eq. 14: the dew point's saturation pressure
        assertThat(Psychrometrics.actualFromDewPoint(17.0)).isCloseTo(1.938, within(0.0005));
    }
}
