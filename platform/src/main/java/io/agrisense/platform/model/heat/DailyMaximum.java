package io.agrisense.platform.model.heat;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A day's maximum air temperature at the station, degrees Celsius. */
public record DailyMaximum(LocalDate date, double celsius) {

    public DailyMaximum {
        Objects.requireNonNull(date, "date");
        if (!(celsius > -60 && celsius < 60)) {
            throw new IllegalArgumentException("daily maximum " + celsius + " Cel on " + date + " is not plausible");
        }
    }

    /** Mean of the maxima. */
    static double mean(List<DailyMaximum> days) {
        return days.stream().mapToDouble(DailyMaximum::celsius).average().orElseThrow();
    }
}
