package io.agrisense.platform.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Small operations on a series of readings that the models share: windows, the latest reading, interpolation. */
public final class TimedSeries {

    private TimedSeries() {
    }

    /** The samples with {@code from <= time <= to}, oldest first; rejects non-finite values. */
    public static List<TimedValue> between(List<TimedValue> samples, Instant from, Instant to) {
        return samples.stream()
                .peek(TimedSeries::requireFinite)
                .filter(s -> !s.time().isBefore(from) && !s.time().isAfter(to))
                .sorted(Comparator.comparing(TimedValue::time))
                .toList();
    }

    /** The newest sample not after {@code now} and not older than {@code maxAge}. */
    public static Optional<TimedValue> latest(List<TimedValue> samples, Instant now, Duration maxAge) {
        List<TimedValue> recent = between(samples, now.minus(maxAge), now);
        return recent.isEmpty() ? Optional.empty() : Optional.of(recent.get(recent.size() - 1));
    }

    /**
     * The value at {@code time}, linearly between the neighbouring samples, or the nearest sample when it lies
     * within {@code tolerance}; empty when nothing is that close.
     */
    public static OptionalDouble valueAt(List<TimedValue> samples, Instant time, Duration tolerance) {
        List<TimedValue> near = between(samples, time.minus(tolerance), time.plus(tolerance));
        TimedValue before = null;
        TimedValue after = null;
        for (TimedValue s : near) {
            if (!s.time().isAfter(time)) {
                before = s;
            } else if (after == null) {
                after = s;
            }
        }
        if (before != null && after != null) {
            double f = TrendLine.hours(before.time(), time) / TrendLine.hours(before.time(), after.time());
            return OptionalDouble.of(before.value() + f * (after.value() - before.value()));
        }
        TimedValue only = before != null ? before : after;
        return only == null ? OptionalDouble.empty() : OptionalDouble.of(only.value());
    }

    /** Arithmetic mean of the values; empty for no samples. */
    public static OptionalDouble mean(List<TimedValue> samples) {
        return samples.stream().mapToDouble(TimedValue::value).average();
    }

    private static void requireFinite(TimedValue s) {
        if (!Double.isFinite(s.value())) {
            throw new IllegalArgumentException("reading at " + s.time() + " is not a finite number: " + s.value());
        }
    }
}
