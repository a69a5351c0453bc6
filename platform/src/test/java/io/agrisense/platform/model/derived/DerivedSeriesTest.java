package io.agrisense.platform.model.derived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.DegreeDayProfile;
import io.agrisense.platform.model.DewPoint;
import io.agrisense.platform.model.StationProfiles;
import io.agrisense.platform.model.air.UsAirQualityIndex;
import io.agrisense.platform.model.evapotranspiration.DailyWeather;
import io.agrisense.platform.model.evapotranspiration.Humidity;
import io.agrisense.platform.model.evapotranspiration.Radiation;
import io.agrisense.platform.model.evapotranspiration.Site;
import io.agrisense.platform.model.evapotranspiration.WindSpeed;
import io.agrisense.protocol.StationId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DerivedSeriesTest {

    private static final Instant T0 = Instant.parse("2024-07-01T12:00:00Z");
    private static final StationId BARN = StationId.of("barn-1");

    private final DerivedSeries derived = new DerivedSeries();

    private static Map<String, LatestReading> latest(Object... metricSecondsValue) {
        Map<String, LatestReading> map = new HashMap<>();
        for (int i = 0; i < metricSecondsValue.length; i += 3) {
            String metric = (String) metricSecondsValue[i];
            Instant time = T0.plusSeconds(((Number) metricSecondsValue[i + 1]).longValue());
            map.put(metric, new LatestReading(metric, time, ((Number) metricSecondsValue[i + 2]).doubleValue()));
        }
        return map;
    }

    private static DerivedReading find(List<DerivedReading> out, String metric) {
        return out.stream().filter(r -> r.metric().equals(metric)).findFirst().orElseThrow();
    }

    @Test
    void livestockBarnGetsThiAndDewPointAtTheNewestInputsTime() {
        List<DerivedReading> out = derived.derive(BARN, StationProfiles.LIVESTOCK_BARN,
                latest("air_temperature", 0, 30.0, "relative_humidity", 60, 60.0, "nh3", 0, 12.0));

        assertThat(out).extracting(DerivedReading::metric).containsExactlyInAnyOrder("thi", "dew_point");
        DerivedReading thi = find(out, "thi");
        assertThat(thi.value()).isCloseTo(79.84, within(1e-9));
        assertThat(thi.station()).isEqualTo(BARN);
        assertThat(thi.time()).isEqualTo(T0.plusSeconds(60));
        assertThat(thi.inputs()).containsExactly("air_temperature", "relative_humidity");
        assertThat(find(out, "dew_point").value()).isCloseTo(DewPoint.celsius(30, 60), within(1e-12));
    }

    @Test
    void greenhouseGetsVpdAndDewPointButNotThi() {
        List<DerivedReading> out = derived.derive(StationId.of("gh-1"), StationProfiles.GREENHOUSE,
                latest("air_temperature", 0, 25.0, "relative_humidity", 0, 60.0));

        assertThat(out).extracting(DerivedReading::metric).containsExactlyInAnyOrder("vpd", "dew_point");
        assertThat(find(out, "vpd").value()).isCloseTo(1.267, within(0.001));
    }

    @Test
    void inputsTooFarApartInTimeAreNotCombined() {
        // humidity 11 minutes older than temperature: default skew 10 minutes
        List<DerivedReading> out = derived.derive(BARN, StationProfiles.LIVESTOCK_BARN,
                latest("air_temperature", 660, 30.0, "relative_humidity", 0, 60.0));
        assertThat(out).isEmpty();
    }

    @Test
    void pondGetsOxygenSaturationUsingPressureWhenFresh() {
        List<DerivedReading> out = derived.derive(StationId.of("pond-3"), StationProfiles.CRAYFISH_POND,
                latest("dissolved_oxygen", 0, 4.546, "water_temperature", 0, 20.0));
        assertThat(find(out, "do_saturation").value()).isCloseTo(50.0, within(0.1));
        assertThat(find(out, "do_saturation").inputs()).containsExactly("dissolved_oxygen", "water_temperature");

        List<DerivedReading> high = derived.derive(StationId.of("pond-3"), StationProfiles.CRAYFISH_POND,
                latest("dissolved_oxygen", 0, 8.358, "water_temperature", 0, 20.0, "air_pressure", 0, 93325.4));
        assertThat(find(high, "do_saturation").value()).isCloseTo(100.0, within(0.1));
        assertThat(find(high, "do_saturation").inputs()).contains("air_pressure");
    }

    @Test
    void airQualityStationGetsBothIndicesFromWhicheverPmIsPresent() {
        List<DerivedReading> out = derived.derive(StationId.of("aq-1"), StationProfiles.AIR_QUALITY,
                latest("pm2_5", 0, 80.0, "pm10", 30, 120.0));
        assertThat(find(out, "aqi_cn").value()).isEqualTo(107.0);
        assertThat(find(out, "aqi_us").value()).isEqualTo(UsAirQualityIndex.ofParticulates(80.0, 120.0).aqi());
        assertThat(find(out, "aqi_cn").time()).isEqualTo(T0.plusSeconds(30));

        List<DerivedReading> pm10Only = derived.derive(StationId.of("aq-1"), StationProfiles.AIR_QUALITY,
                latest("pm10", 0, 200.0));
        assertThat(find(pm10Only, "aqi_cn").value()).isEqualTo(125.0);
        assertThat(find(pm10Only, "aqi_cn").inputs()).containsExactly("pm10");
    }

    @Test
    void afterANewReadingOnlyTheSeriesThatDependOnItAreProduced() {
        Map<String, LatestReading> readings = latest("air_temperature", 0, 30.0, "relative_humidity", 0, 60.0,
                "pm2_5", 0, 30.0);
        assertThat(derived.deriveAfter(StationId.of("x"), null, readings, "pm2_5"))
                .extracting(DerivedReading::metric).containsExactlyInAnyOrder("aqi_cn", "aqi_us");
        assertThat(derived.deriveAfter(StationId.of("x"), null, readings, "relative_humidity"))
                .extracting(DerivedReading::metric).containsExactlyInAnyOrder("dew_point", "vpd", "thi");
        assertThat(derived.deriveAfter(StationId.of("x"), null, readings, "battery_voltage")).isEmpty();
    }

    @Test
    void dailyModelsProduceAccumulatedDegreeDaysAndEt0ForAnOrchard() {
        DegreeDayProfile citrus = new DegreeDayProfile("citrus", 12.8, null, null, List.of());
        DailyWeather day = new DailyWeather(LocalDate.of(2024, 7, 6), 21.5, 12.3, new Humidity.Extremes(84, 63),
                WindSpeed.kilometresPerHour(10, 10), new Radiation.Sunshine(9.25));
        Instant endOfDay = Instant.parse("2024-07-06T16:00:00Z");

        List<DerivedReading> out = derived.deriveDaily(StationId.of("orchard-1"), StationProfiles.ORCHARD, day, citrus,
                100.0, new Site(50.8, 4.35, 100, false), endOfDay);

        assertThat(find(out, "gdd").value()).isCloseTo(100 + (21.5 + 12.3) / 2 - 12.8, within(1e-9));
        assertThat(find(out, "et0").value()).isCloseTo(3.88, within(0.01));
        assertThat(find(out, "et0").time()).isEqualTo(endOfDay);
        assertThat(find(out, "et0").inputs()).containsExactly("air_temperature", "relative_humidity", "wind_speed");
        assertThat(derived.deriveDaily(StationId.of("pond-1"), StationProfiles.CRAYFISH_POND, day, citrus, 0,
                new Site(30, 114, 20, false), endOfDay)).isEmpty();
    }
}
