package io.agrisense.platform.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsAirQualityIndexTest {

    @ParameterizedTest(name = "PM2.5 {0} ug/m3 -> AQI {1}")
    @CsvSource({
            "0.0, 0", "9.0, 50", "9.1, 51", "35.4, 100", "35.5, 101", "55.4, 150", "55.5, 151",
            "125.4, 200", "125.5, 201", "225.4, 300", "225.5, 301", "325.4, 500",
            // truncated to 0.1 first: 9.09 -> 9.0; 35.49 -> 35.4
            "9.09, 50", "35.49, 100",
            // 51 + 49/26.3 * 2.9 = 56.40 -> 56 (50 on the pre-2024 scale); 101 + 49/19.9 * 9.5 = 124.39 -> 124
            "12.0, 56", "45.0, 124", "4.5, 25",
            // beyond the top breakpoint the index stays at 500
            "500, 500"})
    void pm25With2024Breakpoints(double concentration, int expected) {
        assertThat(UsAirQualityIndex.pm25SubIndex(concentration)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "PM10 {0} ug/m3 -> AQI {1}")
    @CsvSource({
            "54, 50", "54.9, 50", "55, 51", "154, 100", "155, 101", "254, 150", "255, 151", "354, 200",
            "355, 201", "424, 300", "425, 301", "604, 500",
            // 51 + 49/99 * 45 = 73.27 -> 73; 301 + 199/179 * 75 = 384.4 -> 384
            "100, 73", "500, 384"})
    void pm10Breakpoints(double concentration, int expected) {
        assertThat(UsAirQualityIndex.pm10SubIndex(concentration)).isEqualTo(expected);
    }

    @Test
    void aqiIsTheHighestSubIndex() {
        UsAirQualityIndex.Result r = UsAirQualityIndex.of(12.0, 160.0);

        assertThat(r.subIndices()).containsEntry("pm2_5", 56).containsEntry("pm10", 103);
        assertThat(r.aqi()).isEqualTo(103);
        assertThat(r.responsiblePollutant()).isEqualTo("pm10");
        assertThat(r.category()).isEqualTo(UsAirQualityIndex.Category.UNHEALTHY_FOR_SENSITIVE_GROUPS);
        assertThat(UsAirQualityIndex.of(400.0, null).beyondScale()).isTrue();
        assertThat(UsAirQualityIndex.of(400.0, null).aqi()).isEqualTo(500);
    }

    @Test
    void nowCastWeighsRecentHoursMore() {
        // w = 20/40 = 0.5: (40 + 20 * (1 - 0.5^11)) / (2 * (1 - 0.5^12)) = 30.002
        List<Double> hours = new ArrayList<>(Collections.nCopies(12, 20.0));
        hours.set(0, 40.0);
        assertThat(UsAirQualityIndex.nowCast(hours).orElseThrow()).isCloseTo(30.002, within(0.001));
        assertThat(UsAirQualityIndex.nowCast(Collections.nCopies(12, 12.5)).orElseThrow()).isCloseTo(12.5, within(1e-9));
        // steady air: w = 1, a plain mean of the hours present
        assertThat(UsAirQualityIndex.nowCast(Arrays.asList(10.0, null, 10.0, 10.0)).orElseThrow()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void nowCastNeedsTwoOfTheLastThreeHours() {
        assertThat(UsAirQualityIndex.nowCast(Arrays.asList(10.0, null, null, 12.0, 14.0))).isEmpty();
    }
}
