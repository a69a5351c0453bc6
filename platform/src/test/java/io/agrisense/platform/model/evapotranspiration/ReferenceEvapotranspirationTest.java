package io.agrisense.platform.model.evapotranspiration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The worked examples of FAO Irrigation and Drainage Paper 56 (Allen et al., 1998), chapters 3 and 4. */
class ReferenceEvapotranspirationTest {

    private static final Site BRUSSELS = new Site(50.0 + 48.0 / 60, 4.35, 100, false);
    private static final Site BANGKOK = new Site(13.0 + 44.0 / 60, 100.5, 2, false);

    @Test
    void example18DailyDataBrusselsSixthOfJuly() {
        DailyWeather day = new DailyWeather(LocalDate.of(1998, 7, 6), 21.5, 12.3, new Humidity.Extremes(84, 63),
                WindSpeed.kilometresPerHour(10, 10), new Radiation.Sunshine(9.25));

        Et0Breakdown b = ReferenceEvapotranspiration.daily(BRUSSELS, day);

        assertThat(b.dayOfYear()).isEqualTo(187);
        assertThat(b.meanTemperature()).isCloseTo(16.9, within(1e-9));
        assertThat(b.slope()).isCloseTo(0.122, within(0.0005));
        assertThat(b.pressure()).isCloseTo(100.1, within(0.05));
        assertThat(b.psychrometricConstant()).isCloseTo(0.0666, within(0.00005));
        assertThat(b.windAt2m()).isCloseTo(2.078, within(0.0005));
        assertThat(b.saturationVapourPressure()).isCloseTo(1.997, within(0.0005));
        assertThat(b.actualVapourPressure()).isCloseTo(1.409, within(0.0005));
        assertThat(b.vapourPressureDeficit()).isCloseTo(0.589, within(0.0005));
        assertThat(b.extraterrestrialRadiation()).isCloseTo(41.09, within(0.005));
        assertThat(b.daylightHours()).isCloseTo(16.1, within(0.05));
        assertThat(b.solarRadiation()).isCloseTo(22.07, within(0.005));
        assertThat(b.clearSkyRadiation()).isCloseTo(30.90, within(0.005));
        assertThat(b.netShortwave()).isCloseTo(17.00, within(0.005));
        assertThat(b.netLongwave()).isCloseTo(3.71, within(0.005));
        assertThat(b.netRadiation()).isCloseTo(13.28, within(0.005));
        assertThat(b.soilHeatFlux()).isZero();
        assertThat(b.et0()).isCloseTo(3.9, within(0.05));
    }

    @Test
    void example17MonthlyDataBangkokApril() {
        MonthlyWeather april = new MonthlyWeather(YearMonth.of(1998, 4), 34.8, 25.6, new Humidity.VapourPressure(2.85),
                new WindSpeed(2, 2), new Radiation.Sunshine(8.5), 29.2, null);

        Et0Breakdown b = ReferenceEvapotranspiration.monthly(BANGKOK, april);

        assertThat(b.meanTemperature()).isCloseTo(30.2, within(1e-9));
        assertThat(b.slope()).isCloseTo(0.246, within(0.0005));
        assertThat(b.pressure()).isCloseTo(101.3, within(0.05));
        assertThat(b.psychrometricConstant()).isCloseTo(0.0674, within(0.0001)); // the paper uses P rounded to 101.3
        assertThat(b.saturationVapourPressure()).isCloseTo(4.42, within(0.005));
        assertThat(b.vapourPressureDeficit()).isCloseTo(1.57, within(0.005));
        assertThat(b.extraterrestrialRadiation()).isCloseTo(38.06, within(0.005));
        assertThat(b.daylightHours()).isCloseTo(12.31, within(0.005));
        assertThat(b.solarRadiation()).isCloseTo(22.65, within(0.005));
        assertThat(b.clearSkyRadiation()).isCloseTo(28.54, within(0.005));
        assertThat(b.netShortwave()).isCloseTo(17.44, within(0.005));
        assertThat(b.netLongwave()).isCloseTo(3.11, within(0.005));
        assertThat(b.netRadiation()).isCloseTo(14.33, within(0.005));
        assertThat(b.soilHeatFlux()).isCloseTo(0.14, within(1e-9));
        assertThat(b.et0()).isCloseTo(5.72, within(0.005));
    }

    @Test
    void example13MonthlySoilHeatFlux() {
        // March 14.1, April 16.1, May 18.8 degrees: G(April) = 0.33 with May known, 0.28 without
        MonthlyWeather withMay = new MonthlyWeather(YearMonth.of(1998, 4), 20.1, 12.1, new Humidity.Missing(), null,
                new Radiation.FromTemperatureRange(), 14.1, 18.8);
        MonthlyWeather withoutMay = new MonthlyWeather(YearMonth.of(1998, 4), 20.1, 12.1, new Humidity.Missing(), null,
                new Radiation.FromTemperatureRange(), 14.1, null);

        assertThat(ReferenceEvapotranspiration.monthly(BRUSSELS, withMay).soilHeatFlux()).isCloseTo(0.33, within(0.005));
        assertThat(ReferenceEvapotranspiration.monthly(BRUSSELS, withoutMay).soilHeatFlux()).isCloseTo(0.28, within(0.005));
    }

    @Test
    void missingDataFallBackToFao56Estimates() {
        // no humidity: ea = e°(Tmin); no wind: 2 m/s; no radiation: Hargreaves with kRs 0.16 inland
        DailyWeather sparse = new DailyWeather(LocalDate.of(1998, 7, 6), 21.5, 12.3, new Humidity.Missing(), null,
                new Radiation.FromTemperatureRange());

        Et0Breakdown b = ReferenceEvapotranspiration.daily(BRUSSELS, sparse);

        assertThat(b.actualVapourPressure()).isCloseTo(1.431, within(0.0005));
        assertThat(b.windAt2m()).isEqualTo(2.0);
        assertThat(b.solarRadiation()).isCloseTo(0.16 * Math.sqrt(9.2) * 41.09, within(0.01));
        assertThat(b.et0()).isBetween(3.0, 5.0);
    }
}
