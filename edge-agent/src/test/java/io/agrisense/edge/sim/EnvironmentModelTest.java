package io.agrisense.edge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.embedded.testkit.ManualClock;
import io.agrisense.protocol.MetricCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentModelTest {

    static final List<String> MODELLED = List.of("air_temperature", "relative_humidity", "air_pressure", "illuminance",
            "soil_moisture", "soil_temperature", "water_temperature", "dissolved_oxygen", "ph", "conductivity",
            "turbidity", "co2", "nh3", "pm1_0", "pm2_5", "pm10", "wind_speed", "wind_direction", "water_level",
            "leaf_wetness", "battery_voltage", "cpu_temperature");

    @Test
    void everyProfileStaysWithinTheCatalogueRangesForTwoDays() {
        for (StationProfile profile : StationProfile.values()) {
            ManualClock clock = ManualClock.atLocal("2026-06-10T00:00:00", ZoneOffset.ofHours(8));
            EnvironmentModel model = new EnvironmentModel(profile, 7, clock);
            for (int step = 0; step <= 2 * 24 * 12; step++) {
                Conditions c = model.now();
                for (String metric : MODELLED) {
                    assertThat(MetricCatalogue.require(metric).isPlausible(c.value(metric)))
                            .as("%s %s at %s = %s", profile.id(), metric, c.time(), c.value(metric)).isTrue();
                }
                clock.advance(Duration.ofMinutes(5));
            }
        }
    }

    @Test
    void lightFollowsTheSun() {
        ManualClock clock = ManualClock.atLocal("2026-06-10T00:30:00", ZoneOffset.ofHours(8));
        EnvironmentModel model = new EnvironmentModel(StationProfile.ORCHARD, 1, clock);

        assertThat(model.now().illuminance()).isZero();
        clock.advance(Duration.ofHours(12)); // 12:30 local
        assertThat(model.now().illuminance()).isGreaterThan(20000);
        clock.advance(Duration.ofHours(9)); // 21:30
        assertThat(model.now().illuminance()).isZero();
    }

    @Test
    void airIsWarmerInTheAfternoonThanBeforeDawn() {
        double dawn = 0;
        double afternoon = 0;
        for (long seed = 1; seed <= 5; seed++) {
            ManualClock clock = ManualClock.atLocal("2026-06-10T05:00:00", ZoneOffset.ofHours(8));
            EnvironmentModel model = new EnvironmentModel(StationProfile.ORCHARD, seed, clock);
            dawn += model.now().airTemperature();
            clock.advance(Duration.ofHours(10));
            afternoon += model.now().airTemperature();
        }
        assertThat(afternoon / 5).isGreaterThan(dawn / 5 + 6);
    }

    @Test
    void dissolvedOxygenSagsAtNightAndTheAeratorLiftsIt() {
        ManualClock clock = ManualClock.atLocal("2026-07-01T18:00:00", ZoneOffset.ofHours(8));
        EnvironmentModel pond = new EnvironmentModel(StationProfile.CRAYFISH_POND, 3, clock);
        EnvironmentModel aerated = new EnvironmentModel(StationProfile.CRAYFISH_POND, 3, clock);
        clock.advance(Duration.ofHours(1)); // 19:00, after a day of photosynthesis
        double dusk = pond.now().dissolvedOxygen();
        assertThat(aerated.now().dissolvedOxygen()).isEqualTo(dusk);

        clock.advance(Duration.ofHours(9)); // 04:00
        double beforeDawn = pond.now().dissolvedOxygen();
        assertThat(beforeDawn).isLessThan(dusk - 2.0);

        aerated.now();
        aerated.switchLoad(Load.AERATOR, true);
        clock.advance(Duration.ofHours(1));
        assertThat(aerated.now().dissolvedOxygen()).isGreaterThan(pond.now().dissolvedOxygen() + 1.0);
        assertThat(aerated.now().dissolvedOxygen()).isGreaterThan(beforeDawn + 1.0);
    }

    @Test
    void irrigationWetsTheSoilAndItDriesAfterwards() {
        ManualClock clock = ManualClock.atLocal("2026-07-01T08:00:00", ZoneOffset.ofHours(8));
        EnvironmentModel greenhouse = new EnvironmentModel(StationProfile.GREENHOUSE, 4, clock);
        double start = greenhouse.now().soilMoisture();

        greenhouse.switchLoad(Load.VALVE, true);
        clock.advance(Duration.ofMinutes(30));
        double watered = greenhouse.now().soilMoisture();
        greenhouse.switchLoad(Load.VALVE, false);
        clock.advance(Duration.ofHours(6));

        assertThat(watered).isGreaterThan(start + 2.5);
        assertThat(greenhouse.now().soilMoisture()).isLessThan(watered);
    }

    @Test
    void barnFansClearAmmoniaAndCo2() {
        ManualClock clock = ManualClock.atLocal("2026-07-01T12:00:00", ZoneOffset.ofHours(8));
        EnvironmentModel barn = new EnvironmentModel(StationProfile.LIVESTOCK_BARN, 5, clock);
        Conditions closed = barn.now();

        barn.switchLoad(Load.FAN, true);
        clock.advance(Duration.ofHours(1));
        Conditions ventilated = barn.now();

        assertThat(closed.nh3()).isGreaterThan(10);
        assertThat(ventilated.nh3()).isLessThan(closed.nh3() / 3);
        assertThat(ventilated.co2()).isLessThan(closed.co2() - 800);
    }

    @Test
    void itRainsSometimesAndRainfallAddsUp() {
        ManualClock clock = ManualClock.atLocal("2026-05-01T00:00:00", ZoneOffset.ofHours(8));
        EnvironmentModel tea = new EnvironmentModel(StationProfile.TEA_GARDEN, 11, clock);
        Instant start = clock.instant();
        double hourly = 0;
        for (int h = 0; h < 24 * 14; h++) {
            hourly += tea.rainfallBetween(start.plus(Duration.ofHours(h)), start.plus(Duration.ofHours(h + 1)));
        }
        double whole = tea.rainfallBetween(start, start.plus(Duration.ofDays(14)));

        assertThat(whole).isGreaterThan(5);
        assertThat(hourly).isCloseTo(whole, within(1e-6));
        clock.advance(Duration.ofDays(14));
        assertThat(tea.now().rainTotal()).isCloseTo(whole, within(1e-6));
    }

    @Test
    void sameSeedSameWorldOtherSeedOtherWeather() {
        List<Double> a = trace(42);
        assertThat(trace(42)).isEqualTo(a);
        assertThat(trace(43)).isNotEqualTo(a);
    }

    @Test
    void unknownProfileNamesTheKnownOnes() {
        assertThatThrownBy(() -> StationProfile.of("vineyard"))
                .hasMessageContaining("unknown station profile 'vineyard'").hasMessageContaining("crayfish_pond");
    }

    private static List<Double> trace(long seed) {
        ManualClock clock = ManualClock.atLocal("2026-03-01T00:00:00", ZoneOffset.ofHours(8));
        EnvironmentModel model = new EnvironmentModel(StationProfile.AIR_QUALITY, seed, clock);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Conditions c = model.now();
            values.add(c.airTemperature());
            values.add(c.pm25());
            values.add(c.soilMoisture());
            clock.advance(Duration.ofMinutes(17));
        }
        return values;
    }
}
