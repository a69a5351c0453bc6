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

    /** Rejects days that are not one per date, oldest first, without gaps. */
    public static List<DailyMaximum> requireConsecutive(List<DailyMaximum> days) {
        for (int i = 1; i < days.size(); i++) {
            if (!days.get(i).date().equals(days.get(i - 1).date().plusDays(1))) {
                throw new IllegalArgumentException("daily maxima must be consecutive days, oldest first: "
                        + days.get(i - 1).date() + " is followed by " + days.get(i).date());
            }
        }
        return List.copyOf(days);
    }

    /** Mean of the maxima. */
    static double mean(List<DailyMaximum> days) {
        return days.stream().mapToDouble(DailyMaximum::celsius).average().orElseThrow();
    }
}
