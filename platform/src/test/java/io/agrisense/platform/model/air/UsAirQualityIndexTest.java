package io.agrisense.platform.model.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.air.UsAirQualityIndex.Basis;
import io.agrisense.platform.model.air.UsAirQualityIndex.Category;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsAirQualityIndexTest {

    /** EPA-454/B-24-002 Table 6: both ends of every row give the row's index ends. */
    @ParameterizedTest(name = "{0}: Table 6 rows")
    @CsvSource(delimiter = ';', value = {
            "O3_8H;     0.000 0.054 0.055 0.070 0.071 0.085 0.086 0.105 0.106 0.200;             0 50 51 100 101 150 151 200 201 300",
            "O3_1H;     0.125 0.164 0.165 0.204 0.205 0.404 0.405 0.604;                         101 150 151 200 201 300 301 500",
            "PM2_5_24H; 0.0 9.0 9.1 35.4 35.5 55.4 55.5 125.4 125.5 225.4 225.5 325.4;           0 50 51 100 101 150 151 200 201 300 301 500",
            "PM10_24H;  0 54 55 154 155 254 255 354 355 424 425 604;                             0 50 51 100 101 150 151 200 201 300 301 500",
            "CO_8H;     0.0 4.4 4.5 9.4 9.5 12.4 12.5 15.4 15.5 30.4 30.5 50.4;                  0 50 51 100 101 150 151 200 201 300 301 500",
            "SO2_1H;    0 35 36 75 76 185 186 304;                                               0 50 51 100 101 150 151 200",
            "SO2_24H;   305 604 605 1004;                                                        201 300 301 500",
            "NO2_1H;    0 53 54 100 101 360 361 649 650 1249 1250 2049;                          0 50 51 100 101 150 151 200 201 300 301 500"})
    void everyRowOfTable6(Basis basis, String concentrations, String indices) {
        String[] c = concentrations.trim().split("\\s+");
        String[] i = indices.trim().split("\\s+");
        for (int k = 0; k < c.length; k++) {
            assertThat(UsAirQualityIndex.subIndex(basis, Double.parseDouble(c[k])).index())
                    .as("%s at %s", basis, c[k]).isEqualTo(Integer.parseInt(i[k]));
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            // truncated to 0.001 ppm first (0.0789 -> 0.078): 101 + 49/0.014 * 0.007 = 125.5 -> 126
            "O3_8H, 0.0789, 126",
            // 151 + 49/288 * 39 = 157.64 -> 158
            "NO2_1H, 400, 158",
            // truncated to 0.1 ppm (10.07 -> 10.0): 101 + 49/2.9 * 0.5 = 109.45 -> 109
            "CO_8H, 10.07, 109",
            // 51 + 49/26.3 * 2.9 = 56.40 -> 56 (it was 50 on the pre-2024 scale); 101 + 49/19.9 * 9.5 = 124.39 -> 124
            "PM2_5_24H, 12.0, 56", "PM2_5_24H, 45.0, 124",
            // truncated to 0.1 first: 9.09 -> 9.0 and 35.49 -> 35.4
            "PM2_5_24H, 9.09, 50", "PM2_5_24H, 35.49, 100",
            // PM10 truncated to 1: 54.9 -> 54; 51 + 49/99 * 45 = 73.27 -> 73
            "PM10_24H, 54.9, 50", "PM10_24H, 100, 73",
            // beyond the top row the index stays at 500
            "PM2_5_24H, 500, 500"})
    void handWorkedIndices(Basis basis, double c, int expected) {
        assertThat(UsAirQualityIndex.subIndex(basis, c).index()).isEqualTo(expected);
    }

    @Test
    void ozoneAbove0200PpmIsIndexedByTheOneHourValue() {
        // 1-h 0.250: 201 + 99/0.199 * 0.045 = 223.39 -> 223
        UsAirQualityIndex.Result r = UsAirQualityIndex.of(Map.of(Basis.O3_8H, 0.210, Basis.O3_1H, 0.250));
        assertThat(r.aqi()).isEqualTo(223);
        assertThat(r.responsiblePollutant()).isEqualTo(Basis.O3_1H);
        assertThat(r.category()).isEqualTo(Category.VERY_UNHEALTHY);

        UsAirQualityIndex.Result without = UsAirQualityIndex.of(Map.of(Basis.O3_8H, 0.210, Basis.PM2_5_24H, 12.0));
        assertThat(without.aqi()).isEqualTo(56);
        assertThat(without.withheld().get(Basis.O3_8H)).contains("above 0.200 ppm").contains("needs the 1-h O3");
    }

    @Test
    void theLargerOfThe8hAnd1hOzoneCountsAndLowOneHourValuesDefineNothing() {
        // 8-h 0.080: 101 + 3500 * 0.009 = 132.5 -> 133; 1-h 0.170: 151 + 49/0.039 * 0.005 = 157.28 -> 157
        assertThat(UsAirQualityIndex.of(Map.of(Basis.O3_8H, 0.080, Basis.O3_1H, 0.170)).aqi()).isEqualTo(157);
        // a 1-h value below 0.125 ppm defines no index: only the 8-h one counts
        UsAirQualityIndex.Result r = UsAirQualityIndex.of(Map.of(Basis.O3_8H, 0.080, Basis.O3_1H, 0.100));
        assertThat(r.aqi()).isEqualTo(133);
        assertThat(r.subIndices()).hasSize(1);
    }

    @Test
    void sulfurDioxideAbove304PpbIsIndexedByThe24hMean() {
        // 24-h 350: 201 + 99/299 * 45 = 215.90 -> 216
        UsAirQualityIndex.Result r = UsAirQualityIndex.of(Map.of(Basis.SO2_1H, 400.0, Basis.SO2_24H, 350.0));
        assertThat(r.aqi()).isEqualTo(216);
        assertThat(r.responsiblePollutant()).isEqualTo(Basis.SO2_24H);
        assertThat(r.subIndices().get(0).note()).contains("above 304 ppb");

        assertThat(UsAirQualityIndex.of(Map.of(Basis.SO2_1H, 400.0, Basis.SO2_24H, 200.0)).aqi()).isEqualTo(200);
        UsAirQualityIndex.Result noDay = UsAirQualityIndex.of(Map.of(Basis.SO2_1H, 400.0, Basis.NO2_1H, 40.0));
        assertThat(noDay.withheld().get(Basis.SO2_1H)).contains("not given");
        assertThat(noDay.responsiblePollutant()).isEqualTo(Basis.NO2_1H);
        // below 304 ppb the 24-h mean is not indexed at all
        assertThat(UsAirQualityIndex.of(Map.of(Basis.SO2_1H, 30.0, Basis.SO2_24H, 400.0)).aqi()).isEqualTo(43);
    }

    @Test
    void storedChinaUnitsConvertAtTheSameReferenceState() {
        // O3 160 ug/m3 * 24.4654 / 47.997 = 81.556 ppb = 0.081556 ppm; CO 10 mg/m3 * 24.4654 / 28.010 = 8.7345 ppm
        assertThat(UsAirQualityIndex.fromChinaUnits(Basis.O3_8H, 160)).isCloseTo(0.081556, within(1e-6));
        assertThat(UsAirQualityIndex.fromChinaUnits(Basis.CO_8H, 10)).isCloseTo(8.7345, within(1e-4));
        assertThat(UsAirQualityIndex.fromChinaUnits(Basis.NO2_1H, 200)).isCloseTo(106.36, within(0.01));
        assertThat(UsAirQualityIndex.fromChinaUnits(Basis.PM2_5_24H, 35)).isEqualTo(35);
    }

    @Test
    void particulateReadingsGiveTheHighestSubIndex() {
        UsAirQualityIndex.Result r = UsAirQualityIndex.ofParticulates(12.0, 160.0);
        assertThat(r.subIndices()).extracting(UsAirQualityIndex.SubIndex::index).containsExactly(56, 103);
        assertThat(r.aqi()).isEqualTo(103);
        assertThat(r.responsiblePollutant()).isEqualTo(Basis.PM10_24H);
        assertThat(r.category()).isEqualTo(Category.UNHEALTHY_FOR_SENSITIVE_GROUPS);
        assertThat(UsAirQualityIndex.ofParticulates(400.0, null).beyondScale()).isTrue();
        assertThatThrownBy(() -> UsAirQualityIndex.subIndex(Basis.O3_1H, 0.1)).hasMessageContaining("outside 0.125");
    }

    @Test
    void nowCastWeighsRecentHoursMore() {
        // w = 20/40 = 0.5: (40 + 20 * (1 - 0.5^11)) / (2 * (1 - 0.5^12)) = 30.002
        List<Double> hours = new ArrayList<>(Collections.nCopies(12, 20.0));
        hours.set(0, 40.0);
        assertThat(UsAirQualityIndex.nowCast(hours).orElseThrow()).isCloseTo(30.002, within(0.001));
        // w = 10/16 = 0.625 (above 0.5): (16 + 0.625 * 10) / (1 + 0.625) = 13.6923
        assertThat(UsAirQualityIndex.nowCast(List.of(16.0, 10.0)).orElseThrow()).isCloseTo(13.6923, within(1e-4));
        // steady air: w = 1, a plain mean of the hours present
        assertThat(UsAirQualityIndex.nowCast(Arrays.asList(10.0, null, 10.0, 10.0)).orElseThrow()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void nowCastNeedsTwoOfTheLastThreeHours() {
        assertThat(UsAirQualityIndex.nowCast(Arrays.asList(10.0, null, null, 12.0, 14.0))).isEmpty();
    }
}
