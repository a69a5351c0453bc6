package io.agrisense.platform.model.evapotranspiration;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day's weather summary as a station aggregates it at the end of the day.
 *
 * @param wind null when not measured (FAO-56 then assumes 2 m/s)
 */
public record DailyWeather(LocalDate date, double tMax, double tMin, Humidity humidity, WindSpeed wind,
                           Radiation radiation) {

    public DailyWeather {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(humidity, "humidity");
        Objects.requireNonNull(radiation, "radiation");
        if (tMin > tMax) {
            throw new IllegalArgumentException("minimum temperature " + tMin + " is above the maximum " + tMax);
        }
    }
}
