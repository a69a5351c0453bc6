package io.agrisense.platform.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChinaAirQualityIndexTest {

    @ParameterizedTest(name = "PM2.5 {0} ug/m3 -> IAQI {1}")
    @CsvSource({
            "0, 0", "35, 50", "75, 100", "115, 150", "150, 200", "250, 300", "350, 400", "500, 500",
            // between breakpoints, carried up: 50 + 50/40 * 1 = 51.25 -> 52; 100 + 50/40 * 5 = 106.25 -> 107
            "36, 52", "80, 107", "17.5, 25", "200, 250", "600, 500"})
    void pm25SubIndexAtAndBetweenBreakpoints(double concentration, int expected) {
        assertThat(ChinaAirQualityIndex.pm25SubIndex(concentration)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "PM10 {0} ug/m3 -> IAQI {1}")
    @CsvSource({
            "50, 50", "150, 100", "250, 150", "350, 200", "420, 300", "500, 400", "600, 500",
            // 100 + 50/100 * 50 = 125; 200 + 100/70 * 35 = 250; 50 + 50/100 * 1 = 50.5 -> 51
            "200, 125", "385, 250", "151, 101", "51, 51"})
    void pm10SubIndexAtAndBetweenBreakpoints(double concentration, int expected) {
        assertThat(ChinaAirQualityIndex.pm10SubIndex(concentration)).isEqualTo(expected);
    }

    @Test
    void aqiIsTheLargestSubIndexAndNamesThePrimaryPollutant() {
        ChinaAirQualityIndex.Result r = ChinaAirQualityIndex.of(80.0, 120.0);

        assertThat(r.subIndices()).isEqualTo(Map.of("pm2_5", 107, "pm10", 85));
        assertThat(r.aqi()).isEqualTo(107);
        assertThat(r.category()).isEqualTo(ChinaAirQualityIndex.Category.LIGHTLY_POLLUTED);
        assertThat(r.category().grade()).isEqualTo("III");
        assertThat(r.primaryPollutants()).containsExactly("pm2_5");
        assertThat(r.beyondScale()).isFalse();
    }

    @Test
    void noPrimaryPollutantWhenAirIsExcellentAndBothOnATie() {
        assertThat(ChinaAirQualityIndex.of(20.0, 30.0).primaryPollutants()).isEmpty();
        assertThat(ChinaAirQualityIndex.of(75.0, 150.0).primaryPollutants()).isEqualTo(List.of("pm2_5", "pm10"));
    }

    @Test
    void concentrationsBeyondTheTableCapAt500AndSaySo() {
        ChinaAirQualityIndex.Result r = ChinaAirQualityIndex.of(650.0, null);

        assertThat(r.aqi()).isEqualTo(500);
        assertThat(r.beyondScale()).isTrue();
        assertThat(r.category()).isEqualTo(ChinaAirQualityIndex.Category.SEVERELY_POLLUTED);
    }

    @Test
    void categoriesFollowTable2() {
        assertThat(ChinaAirQualityIndex.Category.of(50)).isEqualTo(ChinaAirQualityIndex.Category.EXCELLENT);
        assertThat(ChinaAirQualityIndex.Category.of(51)).isEqualTo(ChinaAirQualityIndex.Category.GOOD);
        assertThat(ChinaAirQualityIndex.Category.of(151)).isEqualTo(ChinaAirQualityIndex.Category.MODERATELY_POLLUTED);
        assertThat(ChinaAirQualityIndex.Category.of(201)).isEqualTo(ChinaAirQualityIndex.Category.HEAVILY_POLLUTED);
        assertThat(ChinaAirQualityIndex.Category.of(301)).isEqualTo(ChinaAirQualityIndex.Category.SEVERELY_POLLUTED);
    }
}
