package io.agrisense.platform.model.pest;

import java.time.LocalDate;
import java.util.List;
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

    /** Rejects days that are not one per date, oldest first, without gaps. */
    static List<DayTemperatures> requireConsecutive(List<DayTemperatures> days) {
        for (int i = 1; i < days.size(); i++) {
            if (!days.get(i).date().equals(days.get(i - 1).date().plusDays(1))) {
                throw new IllegalArgumentException("days must be consecutive, oldest first: " + days.get(i - 1).date()
                        + " is followed by " + days.get(i).date());
            }
        }
        return List.copyOf(days);
    }
}
