package io.agrisense.platform.model.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agrisense.platform.model.air.ChinaAirQualityIndex.Basis;
import io.agrisense.platform.model.air.ChinaAirQualityIndex.Category;
import io.agrisense.platform.model.air.ChinaAirQualityIndex.SubIndex;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChinaAirQualityIndexTest {

    /** HJ 633-2012 Table 1, column by column: each breakpoint concentration gives exactly its IAQI. */
    @ParameterizedTest(name = "{0}: Table 1 breakpoints")
    @CsvSource(delimiter = ';', value = {
            "SO2_24H;   0 50 150 475 800 1600 2100 2620",
            "SO2_1H;    0 150 500 650 800",
            "NO2_24H;   0 40 80 180 280 565 750 940",
            "NO2_1H;    0 100 200 700 1200 2340 3090 3840",
            "PM10_24H;  0 50 150 250 350 420 500 600",
            "CO_24H;    0 2 4 14 24 36 48 60",
            "CO_1H;     0 5 10 35 60 90 120 150",
            "O3_1H;     0 160 200 300 400 800 1000 1200",
            "O3_8H;     0 100 160 215 265 800",
            "PM2_5_24H; 0 35 75 115 150 250 350 500"})
    void everyBreakpointOfTable1GivesItsIaqi(Basis basis, String concentrations) {
        int[] iaqi = {0, 50, 100, 150, 200, 300, 400, 500};
        String[] c = concentrations.trim().split("\\s+");
        for (int k = 0; k < c.length; k++) {
            assertThat(ChinaAirQualityIndex.subIndex(basis, Double.parseDouble(c[k])).iaqi())
                    .as("%s at %s", basis, c[k]).isEqualTo(iaqi[k]);
        }
    }

    @ParameterizedTest(name = "{0} {1} -> IAQI {2}")
    @CsvSource({
            // eq. 1 carried up: 50 + (100-50)/(75-35) * (36-35) = 51.25 -> 52
            "PM2_5_24H, 36, 52",
            // 100 + 50/40 * 5 = 106.25 -> 107
            "PM2_5_24H, 80, 107",
            // 100 + 50/100 * 50 = 125 exactly
            "PM10_24H, 200, 125",
            // 50 + 50/350 * 100 = 64.29 -> 65
            "SO2_1H, 250, 65",
            // 150 + 50/500 * 80 = 158 exactly
            "NO2_1H, 780, 158",
            // CO mg/m3: 100 + 50/10 * 2.5 = 112.5 -> 113
            "CO_24H, 6.5, 113",
            // 100 + 50/55 * 20 = 118.18 -> 119
            "O3_8H, 180, 119",
            // 200 + 100/535 * 100 = 218.69 -> 219
            "O3_8H, 365, 219",
            // 50 + 50/40 * 0.1 = 50.125 -> 51: any excess over a breakpoint carries up
            "PM2_5_24H, 35.1, 51"})
    void betweenBreakpointsTheIndexIsCarriedUp(Basis basis, double c, int expected) {
        assertThat(ChinaAirQualityIndex.subIndex(basis, c).iaqi()).isEqualTo(expected);
    }

    @Test
    void theTwoTruncatedColumnsDoNotIndexAbove800() {
        assertThat(Basis.SO2_1H.indexes(800)).isTrue();
        assertThat(Basis.SO2_1H.indexes(801)).isFalse();
        assertThat(Basis.O3_8H.indexes(801)).isFalse();
        assertThatThrownBy(() -> ChinaAirQualityIndex.subIndex(Basis.O3_8H, 850))
                .hasMessageContaining("o3_8h 850.0 is above 800.0");
        // the others cap at 500 and say so
        SubIndex beyond = ChinaAirQualityIndex.subIndex(Basis.PM2_5_24H, 650);
        assertThat(beyond.iaqi()).isEqualTo(500);
        assertThat(beyond.beyondScale()).isTrue();
    }

    @Test
    void aqiIsTheLargestSubIndexWithItsPrimaryPollutants() {
        ChinaAirQualityIndex.Result r = ChinaAirQualityIndex.combine(List.of(
                ChinaAirQualityIndex.subIndex(Basis.PM2_5_24H, 80),   // 107
                ChinaAirQualityIndex.subIndex(Basis.PM10_24H, 120),   // 50 + 50/100 * 70 = 85
                ChinaAirQualityIndex.subIndex(Basis.O3_8H, 180)))     // 119
                .orElseThrow();

        assertThat(r.aqi()).isEqualTo(119);
        assertThat(r.primaryPollutants()).containsExactly(Basis.O3_8H);
        assertThat(r.category()).isEqualTo(Category.LIGHTLY_POLLUTED);
        assertThat(r.category().grade()).isEqualTo("III");
        assertThat(r.category().label()).isEqualTo("轻度污染");
        assertThat(r.subIndex(Basis.PM10_24H).orElseThrow().iaqi()).isEqualTo(85);
    }

    @Test
    void noPrimaryPollutantAt50OrBelowAndAllOfThemOnATie() {
        assertThat(ChinaAirQualityIndex.ofParticulates(35.0, 50.0).primaryPollutants()).isEmpty();
        assertThat(ChinaAirQualityIndex.ofParticulates(75.0, 150.0).primaryPollutants())
                .containsExactly(Basis.PM2_5_1H, Basis.PM10_1H);
        assertThat(ChinaAirQualityIndex.combine(List.of())).isEmpty();
    }

    @Test
    void categoriesFollowTable2() {
        assertThat(Category.of(50)).isEqualTo(Category.EXCELLENT);
        assertThat(Category.of(51)).isEqualTo(Category.GOOD);
        assertThat(Category.of(100)).isEqualTo(Category.GOOD);
        assertThat(Category.of(101)).isEqualTo(Category.LIGHTLY_POLLUTED);
        assertThat(Category.of(151)).isEqualTo(Category.MODERATELY_POLLUTED);
        assertThat(Category.of(201)).isEqualTo(Category.HEAVILY_POLLUTED);
        assertThat(Category.of(300)).isEqualTo(Category.HEAVILY_POLLUTED);
        assertThat(Category.of(301)).isEqualTo(Category.SEVERELY_POLLUTED);
        assertThat(Category.of(301).grade()).isEqualTo("VI");
    }

    @Test
    void aSingleParticulateReadingIsIndexedLikeA1hValue() {
        ChinaAirQualityIndex.Result r = ChinaAirQualityIndex.ofParticulates(80.0, null);
        assertThat(r.aqi()).isEqualTo(107);
        assertThat(r.subIndices()).extracting(SubIndex::basis).containsExactly(Basis.PM2_5_1H);
        assertThatThrownBy(() -> ChinaAirQualityIndex.ofParticulates(null, null)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> ChinaAirQualityIndex.subIndex(Basis.CO_1H, -1)).hasMessageContaining(">= 0");
    }
}
