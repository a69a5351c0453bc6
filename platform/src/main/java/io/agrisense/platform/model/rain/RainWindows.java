package io.agrisense.platform.model.rain;

import io.agrisense.platform.model.TimedValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Rain accumulated over trailing windows ending now, from a gauge whose readings are the rain since the previous
 * reading (mm). A reading counts in a window when its time lies in (end - window, end]; a tipping bucket's
 * increments are short, so the edge error is one reading's rain at most.
 */
public final class RainWindows {

    private final List<TimedValue> increments;
    private final Instant end;

    private RainWindows(List<TimedValue> increments, Instant end) {
        this.increments = increments;
        this.end = end;
    }

    /** The gauge readings up to {@code end}; rejects negative or non-finite increments. */
    public static RainWindows of(List<TimedValue> increments, Instant end) {
        for (TimedValue r : increments) {
            if (!(r.value() >= 0) || Double.isInfinite(r.value())) {
                throw new IllegalArgumentException("rain increment " + r.value() + " mm at " + r.time()
                        + " must be a finite amount >= 0");
            }
        }
        return new RainWindows(increments.stream().filter(r -> !r.time().isAfter(end))
                .sorted(Comparator.comparing(TimedValue::time)).toList(), end);
    }

    public Instant end() {
        return end;
    }

    /** Rain in (end - window, end], mm. */
    public double total(Duration window) {
        return totalEndingAt(end, window);
    }

    /** The last hour's rain, mm/h: the intensity the persistence projections carry forward. */
    public double intensity() {
        return total(Duration.ofHours(1));
    }

    /**
     * When the trailing {@code window} total first reached {@code threshold} within the last {@code window}: the
     * reading that took it there; empty when it has not.
     */
    public Optional<Instant> reached(Duration window, double threshold) {
        for (TimedValue r : increments) {
            if (r.time().isAfter(end.minus(window)) && totalEndingAt(r.time(), window) >= threshold) {
                return Optional.of(r.time());
            }
        }
        return Optional.empty();
    }

    /**
     * Sample standard deviation of the last {@code hours} hourly totals, mm: how steady the rain has been, the
     * spread of a persistence projection. NaN with fewer than two hours.
     */
    public double hourlySpread(int hours) {
        if (hours < 2) {
            return Double.NaN;
        }
        double[] totals = new double[hours];
        double mean = 0;
        for (int h = 0; h < hours; h++) {
            totals[h] = totalEndingAt(end.minus(Duration.ofHours(h)), Duration.ofHours(1));
            mean += totals[h] / hours;
        }
        double ss = 0;
        for (double t : totals) {
            ss += (t - mean) * (t - mean);
        }
        return Math.sqrt(ss / (hours - 1));
    }

    private double totalEndingAt(Instant at, Duration window) {
        Instant from = at.minus(window);
        double sum = 0;
        for (TimedValue r : increments) {
            if (r.time().isAfter(from) && !r.time().isAfter(at)) {
                sum += r.value();
            }
        }
        return sum;
    }
}
