package io.agrisense.platform.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/** Checks shared by the models that read one value per day (daily maxima, daily extremes). */
public final class DailySeries {

    private DailySeries() {
    }

    /** Rejects days that are not one per date, oldest first, without gaps; returns an immutable copy. */
    public static <T> List<T> requireConsecutive(List<T> days, Function<T, LocalDate> dateOf) {
        for (int i = 1; i < days.size(); i++) {
            LocalDate previous = dateOf.apply(days.get(i - 1));
            LocalDate current = dateOf.apply(days.get(i));
            if (!current.equals(previous.plusDays(1))) {
                throw new IllegalArgumentException("days must be consecutive, oldest first: " + previous
                        + " is followed by " + current);
            }
        }
        return List.copyOf(days);
    }

    /** Rejects a series that does not end today or yesterday at the station: old days cannot warn of anything. */
    public static LocalDate requireRecent(LocalDate last, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        if (last.isBefore(today.minusDays(1)) || last.isAfter(today)) {
            throw new IllegalArgumentException("the days end on " + last + "; they must end today (" + today
                    + ") or yesterday");
        }
        return last;
    }
}
