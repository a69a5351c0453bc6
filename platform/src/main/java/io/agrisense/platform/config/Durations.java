package io.agrisense.platform.config;

import io.agrisense.config.Quantities;
import java.time.Duration;

/**
 * Durations in the platform's settings and query strings ({@code step=5m}): the forms of the shared
 * {@link Quantities} ({@code 20ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 7d}, {@code 2w}, ISO-8601 {@code PT5M}),
 * never negative, and written back in the short form of the API ({@code 5m}, {@code 60d}).
 */
public final class Durations {

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static Duration parse(String text) {
        Duration d;
        try {
            d = Quantities.duration(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: use e.g. 30s, 5m, 1h, 1d or PT5M");
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("duration '" + text + "' is negative");
        }
        return d;
    }

    /** The short form of a duration, e.g. {@code 5m}; the inverse of {@link #parse} for whole units. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0 && ms > 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
