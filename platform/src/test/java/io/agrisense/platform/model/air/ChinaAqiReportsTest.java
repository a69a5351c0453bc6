package io.agrisense.platform.model.air;

import static io.agrisense.platform.model.air.ConcentrationAveragesTest.hours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.air.ChinaAirQualityIndex.Basis;
import io.agrisense.platform.model.air.ChinaAirQualityIndex.Category;
import io.agrisense.platform.model.air.ChinaAirQualityIndex.SubIndex;
import io.agrisense.platform.model.air.ChinaAqiReports.ParticulateBasis;
import io.agrisense.platform.model.air.ChinaAqiReports.Report;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChinaAqiReportsTest {

    static final Instant END = Instant.parse("2024-05-01T06:00:00Z"); // 14:00 in Shanghai: the "14时" report
    static final Instant START = END.minus(Duration.ofHours(24));

    /** 24 hourly means of {@code earlier} ending with one of {@code last}. */
    static HourlyMeans day(double earlier, double last) {
        Map<Instant, Double> h = hours(START, 23, earlier);
        h.put(END.minus(Duration.ofHours(1)), last);
        return HourlyMeans.of(h);
    }

    static Map<AirPollutant, HourlyMeans> allSix() {
        Map<AirPollutant, HourlyMeans> m = new EnumMap<>(AirPollutant.class);
        m.put(AirPollutant.SO2, day(250, 250));
        m.put(AirPollutant.NO2, day(780, 780));
        m.put(AirPollutant.CO, day(12, 12));
        m.put(AirPollutant.O3, day(250, 250));
        m.put(AirPollutant.PM10, day(200, 200));
        m.put(AirPollutant.PM2_5, day(140, 80));
        return m;
    }

    @Test
    void realTimeIndexesTheOneHourValuesOfEveryPollutant() {
        Report r = ChinaAqiReports.realTime(allSix(), END, ParticulateBasis.HOURLY);
        ChinaAirQualityIndex.Result index = r.index().orElseThrow();

        // SO2 250: 50 + 50/350 * 100 = 64.3 -> 65; NO2 780: 150 + 50/500 * 80 = 158; CO 12 mg/m3: 100 + 50/25 * 2 = 104;
        // O3 250: 100 + 50/100 * 50 = 125; PM10 200: 125; PM2.5 80 (the last hour): 107
        assertThat(index.subIndices()).extracting(SubIndex::basis, SubIndex::iaqi).containsExactlyInAnyOrder(
                tuple(Basis.SO2_1H, 65), tuple(Basis.NO2_1H, 158),
                tuple(Basis.CO_1H, 104), tuple(Basis.O3_1H, 125),
                tuple(Basis.PM10_1H, 125), tuple(Basis.PM2_5_1H, 107));
        assertThat(index.aqi()).isEqualTo(158);
        assertThat(index.primaryPollutants()).containsExactly(Basis.NO2_1H);
        assertThat(index.category()).isEqualTo(Category.MODERATELY_POLLUTED);
        // the 24-h moving PM and 8-h O3 are published beside it: (23 * 140 + 80) / 24 = 137.5
        assertThat(r.averages().get(Basis.PM2_5_24H).optionalValue().orElseThrow()).isCloseTo(137.5, within(1e-9));
        assertThat(r.averages().get(Basis.O3_8H).optionalValue()).hasValue(250.0);
        assertThat(r.from()).isEqualTo(END.minus(Duration.ofHours(1)));
        assertThat(r.withheld()).isEmpty();
    }

    @Test
    void theMovingDayBasisIndexesThe24hParticulateMean() {
        Report r = ChinaAqiReports.realTime(allSix(), END, ParticulateBasis.MOVING_24H);
        // PM2.5 137.5: 150 + 50/35 * 22.5 = 182.14 -> 183, above NO2's 158
        assertThat(r.index().orElseThrow().aqi()).isEqualTo(183);
        assertThat(r.index().orElseThrow().primaryPollutants()).containsExactly(Basis.PM2_5_24H);
    }

    @Test
    void sulfurDioxideAbove800IsReportedByIts24hMean() {
        Map<AirPollutant, HourlyMeans> m = Map.of(AirPollutant.SO2, day(100, 900));
        Report r = ChinaAqiReports.realTime(m, END, ParticulateBasis.HOURLY);
        // 24-h moving mean (23 * 100 + 900) / 24 = 133.3: 50 + 50/100 * 83.3 = 91.7 -> 92
        SubIndex so2 = r.index().orElseThrow().subIndices().get(0);
        assertThat(so2.basis()).isEqualTo(Basis.SO2_24H);
        assertThat(so2.iaqi()).isEqualTo(92);
        assertThat(so2.note()).contains("so2_1h 900.0 is above 800").contains("note 2");

        // with only 10 hours of data there is no 24-h mean to stand in: the SO2 IAQI is withheld
        Map<Instant, Double> tenHours = hours(END.minus(Duration.ofHours(10)), 10, 900.0);
        Report thin = ChinaAqiReports.realTime(Map.of(AirPollutant.SO2, HourlyMeans.of(tenHours)), END, ParticulateBasis.HOURLY);
        assertThat(thin.index()).isEmpty();
        assertThat(thin.withheld().get(Basis.SO2_1H)).contains("no valid so2_24h");
    }

    @Test
    void onlyMeasuredPollutantsAppearAndAMissingHourIsWithheld() {
        Map<Instant, Double> pm25 = hours(START, 23, 60.0);   // the last hour has no valid mean
        Map<AirPollutant, HourlyMeans> m = Map.of(AirPollutant.PM2_5, HourlyMeans.of(pm25), AirPollutant.PM10, day(120, 120));
        Report r = ChinaAqiReports.realTime(m, END, ParticulateBasis.HOURLY);

        assertThat(r.averages().keySet()).containsExactlyInAnyOrder(Basis.PM2_5_1H, Basis.PM2_5_24H, Basis.PM10_1H, Basis.PM10_24H);
        assertThat(r.withheld().get(Basis.PM2_5_1H)).isEqualTo("no valid 1-h mean for the hour ending 2024-05-01T06:00:00Z");
        assertThat(r.index().orElseThrow().aqi()).isEqualTo(85);
        assertThat(r.index().orElseThrow().primaryPollutants()).containsExactly(Basis.PM10_1H);
    }

    @Test
    void dailyReportUsesLocalDayMeansAndTheOzoneMaxima() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        LocalDate day = LocalDate.of(2024, 5, 1);
        Instant midnight = day.atStartOfDay(shanghai).toInstant();
        Map<Instant, Double> o3 = hours(midnight, 24, 100.0);
        for (int h = 10; h < 18; h++) {
            o3.put(midnight.plus(Duration.ofHours(h)), 900.0);
        }
        Map<AirPollutant, HourlyMeans> m = Map.of(
                AirPollutant.O3, HourlyMeans.of(o3),
                AirPollutant.PM2_5, HourlyMeans.of(hours(midnight, 19, 50.0)),
                AirPollutant.NO2, HourlyMeans.of(hours(midnight, 24, 60.0)));
        Report r = ChinaAqiReports.daily(m, day, shanghai);
        ChinaAirQualityIndex.Result index = r.index().orElseThrow();

        // daily maximum 8-h O3 = 900 (hours 10..17) is above 800: it carries the 1-h IAQI, 300 + 100/200 * 100 = 350
        SubIndex o3Day = index.subIndex(Basis.O3_8H).orElseThrow();
        assertThat(o3Day.concentration()).isEqualTo(900.0);
        assertThat(o3Day.iaqi()).isEqualTo(350);
        assertThat(o3Day.note()).contains("note 3");
        assertThat(index.subIndex(Basis.O3_1H).orElseThrow().iaqi()).isEqualTo(350);
        assertThat(index.aqi()).isEqualTo(350);
        assertThat(index.primaryPollutants()).containsExactlyInAnyOrder(Basis.O3_1H, Basis.O3_8H);
        assertThat(index.category()).isEqualTo(Category.SEVERELY_POLLUTED);
        // NO2 24-h 60: 50 + 50/40 * 20 = 75; PM2.5 has 19 hours: withheld, not indexed
        assertThat(index.subIndex(Basis.NO2_24H).orElseThrow().iaqi()).isEqualTo(75);
        assertThat(r.withheld().get(Basis.PM2_5_24H)).contains("has 19");
        assertThat(r.from()).isEqualTo(Instant.parse("2024-04-30T16:00:00Z"));
    }
}
