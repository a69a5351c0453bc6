package io.agrisense.platform.model.warning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting shared by the warning sentences: local clock times, dates and numbers, independent of the JVM locale. */
public final class WarningText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ROOT);

    private WarningText() {
    }

    /** "04:30" at the station's zone. */
    public static String clock(Instant time, ZoneId zone) {
        return CLOCK.format(time.atZone(zone));
    }

    /** "12 Jun". */
    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** A number with {@code decimals} places, "-1.5". */
    public static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value + 0.0); // + 0.0 turns -0.0 into 0.0
    }
}
