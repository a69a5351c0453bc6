package io.agrisense.platform.model.warning;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

    /** "04:31" at the station's zone, to the nearest minute. */
    public static String clock(Instant time, ZoneId zone) {
        return CLOCK.format(time.plusSeconds(30).atZone(zone));
    }

    /** An expected time to the nearest five minutes, "04:30": a projection is no more precise than that. */
    public static String about(Instant time, ZoneId zone) {
        long fiveMinutes = 300;
        long rounded = Math.floorDiv(time.getEpochSecond() + fiveMinutes / 2, fiveMinutes) * fiveMinutes;
        return CLOCK.format(Instant.ofEpochSecond(rounded).atZone(zone));
    }

    /** A time to act by, rounded down to five minutes so that acting at the stated time is never late. */
    public static String by(Instant time, ZoneId zone) {
        long fiveMinutes = 300;
        return CLOCK.format(Instant.ofEpochSecond(Math.floorDiv(time.getEpochSecond(), fiveMinutes) * fiveMinutes)
                .atZone(zone));
    }

    /** "12 Jun". */
    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** A number with {@code decimals} places, "-1.5". */
    public static String number(double value, int decimals) {
        double rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
        return String.format(Locale.ROOT, "%." + decimals + "f", rounded == 0 ? 0.0 : rounded); // never "-0.0"
    }
}
