package io.agrisense.platform.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.platform.model.evapotranspiration.DailyWeather;
import io.agrisense.platform.model.evapotranspiration.Humidity;
import io.agrisense.platform.model.evapotranspiration.Radiation;
import io.agrisense.platform.model.evapotranspiration.WindSpeed;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DailyModelsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 7, 3);
    private static final DailyModels.Aggregate AIR = new DailyModels.Aggregate(21.5, 33.0, 27.0, 1440, Duration.ofHours(23).plusMinutes(59));

    @Test
    void aFullDayGivesFao56InputsFromTheStationsAggregates() {
        DailyModels.Outcome o = DailyModels.weather(DAY, AIR,
                new DailyModels.Aggregate(48, 96, 72, 1440, Duration.ofHours(23)),
                new DailyModels.Aggregate(0.5, 6.0, 2.4, 1440, Duration.ofHours(23)));

        assertThat(o.skipped()).isNull();
        DailyWeather w = o.weather();
        assertThat(w.date()).isEqualTo(DAY);
        assertThat(w.tMax()).isEqualTo(33.0);
        assertThat(w.tMin()).isEqualTo(21.5);
        assertThat(w.humidity()).isEqualTo(new Humidity.Extremes(96, 48));
        assertThat(w.wind()).isEqualTo(new WindSpeed(2.4, 2.0));
        assertThat(w.radiation()).isInstanceOf(Radiation.FromTemperatureRange.class);
    }

    @Test
    void withoutHumidityOrWindFao56sFallbacksApply() {
        DailyWeather w = DailyModels.weather(DAY, AIR, null, null).weather();

        assertThat(w.humidity()).isEqualTo(new Humidity.Missing());
        assertThat(w.wind()).isNull();
    }

    @Test
    void aDayWithTooFewReadingsIsSkippedWithTheReason() {
        assertThat(DailyModels.weather(DAY, new DailyModels.Aggregate(20, 22, 21, 40, Duration.ofHours(2)), null, null).skipped())
                .isEqualTo("air_temperature on 2026-07-03 covers only 120 min in 40 readings (a day needs 12 over 18 h)");
        assertThat(DailyModels.weather(DAY, null, null, null).skipped()).isEqualTo("no air_temperature readings on 2026-07-03");
    }

    @Test
    void daysFollowTheProvincesTimeAndCropsFollowTheProfile() {
        assertThat(DailyModels.zone()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(DailyModels.crop("orchard").orElseThrow().baseTemperature()).isEqualTo(12.8);
        assertThat(DailyModels.crop("greenhouse").orElseThrow().upperCutoff()).isEqualTo(30.0);
        assertThat(DailyModels.crop("crayfish_pond")).isEmpty();
    }
}
