package io.agrisense.platform.model.frost;

import io.agrisense.platform.model.LinearRegression;
import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.TrendLine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A radiation night's cooling as T(t) = T0 + b' sqrt(t - t0), t in hours. Brunt (1941, Physical and Dynamical
 * Meteorology) showed that a surface losing a constant net longwave flux cools with the square root of time;
 * Snyder and de Melo-Abreu (2005, FAO Frost Protection vol. 1, ch. 5, FTrend.xls) draw a night's trend that
 * way from T0 two hours after sunset to the forecast minimum at sunrise, b' = (Tp - T0) / sqrt(h).
 *
 * @param anchor      t0
 * @param temperature T0, degrees Celsius
 * @param coefficient b', degrees Celsius per square-root hour (negative when cooling)
 * @param fit         the least-squares fit on T against sqrt(hours) when fitted to readings; null when drawn
 *                    through two points
 */
public record SqrtTimeCooling(Instant anchor, double temperature, double coefficient, LinearRegression fit) {

    /** The FTrend curve through T0 at {@code anchor} and the forecast minimum at {@code end} (sunrise). */
    public static SqrtTimeCooling through(Instant anchor, double temperature, Instant end, double endTemperature) {
        double hours = TrendLine.hours(anchor, end);
        if (!(hours > 0)) {
            throw new IllegalArgumentException("the cooling curve needs its end " + end + " after its anchor " + anchor);
        }
        return new SqrtTimeCooling(anchor, temperature, (endTemperature - temperature) / Math.sqrt(hours), null);
    }

    /**
     * Fits T0 and b' to the readings since {@code anchor}; empty with fewer than {@code minSamples} readings or
     * when they span less than {@code minSpan}.
     */
    public static Optional<SqrtTimeCooling> fit(Instant anchor, List<TimedValue> samples, int minSamples,
                                                Duration minSpan) {
        List<TimedValue> after = samples.stream().filter(s -> !s.time().isBefore(anchor)).toList();
        if (after.size() < Math.max(3, minSamples)) {
            return Optional.empty();
        }
        Instant first = after.stream().map(TimedValue::time).min(Instant::compareTo).orElseThrow();
        Instant last = after.stream().map(TimedValue::time).max(Instant::compareTo).orElseThrow();
        if (Duration.between(first, last).compareTo(minSpan) < 0) {
            return Optional.empty();
        }
        double[] x = new double[after.size()];
        double[] y = new double[after.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sqrt(TrendLine.hours(anchor, after.get(i).time()));
            y[i] = after.get(i).value();
        }
        LinearRegression line = LinearRegression.fit(x, y);
        return Optional.of(new SqrtTimeCooling(anchor, line.intercept(), line.slope(), line));
    }

    public double temperatureAt(Instant time) {
        double hours = TrendLine.hours(anchor, time);
        return hours <= 0 ? temperature : temperature + coefficient * Math.sqrt(hours);
    }

    /** When the curve reaches {@code threshold}: the anchor if it starts at or below it, empty if it never does. */
    public Optional<Instant> crossing(double threshold) {
        if (temperature <= threshold) {
            return Optional.of(anchor);
        }
        if (coefficient >= 0) {
            return Optional.empty();
        }
        double root = (threshold - temperature) / coefficient; // sqrt(h) at the crossing
        return Optional.of(anchor.plusMillis(Math.round(root * root * 3_600_000)));
    }

    /** Standard error of a reading predicted at {@code time}; NaN when the curve was not fitted to readings. */
    public double predictionStdError(Instant time) {
        return fit == null ? Double.NaN : fit.predictionStdError(Math.sqrt(Math.max(0, TrendLine.hours(anchor, time))));
    }
}
