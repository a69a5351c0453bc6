package io.agrisense.platform.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A least-squares straight line through a series, for projecting tonight's cooling or oxygen sag. */
public record TrendLine(Instant origin, double valueAtOrigin, double slopePerHour) {

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
        double sumX = 0;
        double sumY = 0;
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
        for (TimedValue s : samples) {
            sumX += hours(first, s.time());
            sumY += s.value();
        }
        int n = samples.size();
        double meanX = sumX / n;
        double meanY = sumY / n;
        double sxx = 0;
        double sxy = 0;
        for (TimedValue s : samples) {
            double dx = hours(first, s.time()) - meanX;
            sxx += dx * dx;
            sxy += dx * (s.value() - meanY);
        }
        double slope = sxy / sxx; // ordinary least squares
        return Optional.of(new TrendLine(first, meanY - slope * meanX, slope));
    }

    public double valueAt(Instant time) {
        return valueAtOrigin + slopePerHour * hours(origin, time);
    }

    static double hours(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / (SECONDS_PER_HOUR * 1000);
    }
}
