package io.agrisense.platform.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A least-squares straight line through a series against time in hours, for projecting tonight's cooling,
 * an oxygen sag or a rising heat index.
 *
 * @param origin the earliest sample's time, x = 0
 * @param line   the fit of value against hours since {@code origin}
 */
public record TrendLine(Instant origin, LinearRegression line) {

    private static final double SECONDS_PER_HOUR = 3600.0;

    /**
     * Fits the samples; empty when there are fewer than {@code minSamples} or they span less than
     * {@code minSpan}, because a trend from two close points is noise.
     */
    public static Optional<TrendLine> fit(List<TimedValue> samples, int minSamples, Duration minSpan) {
        if (samples.size() < Math.max(2, minSamples)) {
            return Optional.empty();
        }
        Instant first = samples.get(0).time();
        Instant last = first;
        for (TimedValue s : samples) {
            if (s.time().isBefore(first)) {
                first = s.time();
            }
            if (s.time().isAfter(last)) {
                last = s.time();
            }
        }
        if (Duration.between(first, last).compareTo(minSpan) < 0 || first.equals(last)) {
            return Optional.empty();
        }
        double[] x = new double[samples.size()];
        double[] y = new double[samples.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = hours(first, samples.get(i).time());
            y[i] = samples.get(i).value();
        }
        return Optional.of(new TrendLine(first, LinearRegression.fit(x, y)));
    }

    public double valueAtOrigin() {
        return line.intercept();
    }

    public double slopePerHour() {
        return line.slope();
    }

    public double valueAt(Instant time) {
        return line.predict(hours(origin, time));
    }

    /** Standard error of a reading at {@code time} predicted from this line (NaN with two samples). */
    public double predictionStdError(Instant time) {
        return line.predictionStdError(hours(origin, time));
    }

    /** Hours from {@code from} to {@code to}, negative when {@code to} is earlier. */
    public static double hours(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / (SECONDS_PER_HOUR * 1000);
    }
}
