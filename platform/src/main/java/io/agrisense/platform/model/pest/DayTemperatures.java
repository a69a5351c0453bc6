package io.agrisense.platform.model.pest;

import java.time.LocalDate;
import java.util.Objects;

/** One day's air temperature extremes at the station, degrees Celsius. */
public record DayTemperatures(LocalDate date, double tMax, double tMin) {

    public DayTemperatures {
        Objects.requireNonNull(date, "date");
        if (!(tMin <= tMax) || !(tMin > -60) || !(tMax < 60)) {
            throw new IllegalArgumentException("day " + date + ": minimum " + tMin + " and maximum " + tMax
                    + " Cel must be plausible with minimum <= maximum");
        }
    }

}
