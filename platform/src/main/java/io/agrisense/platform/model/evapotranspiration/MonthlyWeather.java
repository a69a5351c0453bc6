package io.agrisense.platform.model.evapotranspiration;

import java.time.YearMonth;
import java.util.Objects;

/**
 * A month's mean weather for the monthly form of the Penman-Monteith equation.
 *
 * @param tMax              mean daily maximum, degrees Celsius
 * @param tMin              mean daily minimum, degrees Celsius
 * @param previousMonthMean mean air temperature of the previous month (soil heat flux)
 * @param nextMonthMean     mean air temperature of the next month, or null when not yet known
 */
public record MonthlyWeather(YearMonth month, double tMax, double tMin, Humidity humidity, WindSpeed wind,
                             Radiation radiation, double previousMonthMean, Double nextMonthMean) {

    public MonthlyWeather {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(humidity, "humidity");
        Objects.requireNonNull(radiation, "radiation");
        if (tMin > tMax) {
            throw new IllegalArgumentException("minimum temperature " + tMin + " is above the maximum " + tMax);
        }
    }
}
