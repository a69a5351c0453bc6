package io.agrisense.platform.model.oxygen;

import io.agrisense.platform.model.LinearRegression;
import io.agrisense.platform.model.TimedSeries;
import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.TrendLine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The dusk-dawn projection of a pond's night-time oxygen: after dusk photosynthesis stops and the community's
 * respiration draws oxygen down until dawn. The decline measured since dusk is carried to dawn, its rate
 * corrected for the water's cooling with R(T) = R theta^(T - Tevening) ({@link RespirationTemperature}), in
 * five-minute steps.
 */
public final class NightOxygenProjection {

    public enum Method {
        /**
         * Boyd, Romaire and Johnston (1978, Trans. Am. Fish. Soc. 107:484): a straight line through the readings
         * from dusk, extended to dawn. Errs low, since diffusion slows the sag as oxygen falls.
         */
        LINEAR,
        /**
         * Madenjian, Rogers and Fast (1987, Aquacultural Engineering 6:191, part I): ln DO falls in a straight
         * line; their log-linear extrapolation predicted dawn oxygen substantially better than the linear one.
         */
        LOG_LINEAR
    }

    static final Duration STEP = Duration.ofMinutes(5);
    /** Floor of the logarithm: an optical probe's zero reads a little above 0 mg/L. */
    static final double LOG_FLOOR = 0.05;

    private NightOxygenProjection() {
    }

    /**
     * The night's path from the latest reading to dawn; empty with fewer than {@code minSamples} readings since
     * dusk or less than {@code minSpan} between the first and the last.
     */
    public static Optional<Sag> project(Method method, List<TimedValue> dissolvedOxygen, List<TimedValue> waterTemperature,
                                        Instant dusk, Instant dawn, double theta, int minSamples, Duration minSpan,
                                        Instant now) {
        List<TimedValue> samples = TimedSeries.between(dissolvedOxygen, dusk, now);
        for (TimedValue s : samples) {
            if (s.value() < 0) {
                throw new IllegalArgumentException("dissolved oxygen " + s.value() + " mg/L at " + s.time() + " is negative");
            }
        }
        if (samples.size() < minSamples
                || Duration.between(samples.get(0).time(), samples.get(samples.size() - 1).time()).compareTo(minSpan) < 0) {
            return Optional.empty();
        }
        double[] x = new double[samples.size()];
        double[] y = new double[samples.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = TrendLine.hours(dusk, samples.get(i).time());
            y[i] = method == Method.LOG_LINEAR ? Math.log(Math.max(LOG_FLOOR, samples.get(i).value())) : samples.get(i).value();
        }
        LinearRegression fit = LinearRegression.fit(x, y);

        List<TimedValue> temperatures = TimedSeries.between(waterTemperature, dusk, now);
        OptionalDouble evening = TimedSeries.mean(temperatures);
        Optional<TrendLine> cooling = TrendLine.fit(temperatures, 2, Duration.ofMinutes(30));

        Instant start = samples.get(samples.size() - 1).time();
        double level = fit.predict(TrendLine.hours(dusk, start));
        List<TimedValue> path = new ArrayList<>(List.of(TimedValue.of(start, value(method, level))));
        for (Instant t = start; t.isBefore(dawn); ) {
            Instant next = t.plus(STEP).isAfter(dawn) ? dawn : t.plus(STEP);
            double factor = 1;
            if (evening.isPresent()) {
                Instant middle = t.plus(Duration.between(t, next).dividedBy(2));
                double temperature = cooling.map(c -> c.valueAt(middle)).orElse(evening.getAsDouble());
                factor = RespirationTemperature.correct(1, evening.getAsDouble(), temperature, theta);
            }
            level += fit.slope() * factor * TrendLine.hours(t, next);
            path.add(TimedValue.of(next, value(method, level)));
            t = next;
        }
        double end = path.get(path.size() - 1).value();
        double spread = fit.predictionStdError(TrendLine.hours(dusk, dawn)); // in the fitted units
        double endStdError = method == Method.LOG_LINEAR ? end * spread : spread;
        return Optional.of(new Sag(method, fit, evening.orElse(Double.NaN), path, endStdError));
    }

    private static double value(Method method, double level) {
        return method == Method.LOG_LINEAR ? Math.exp(level) : Math.max(0, level);
    }

    /**
     * @param fit                the regression of DO (or ln DO) on hours since dusk; its slope is the evening's rate
     * @param eveningTemperature mean water temperature of the fitted readings, NaN without temperature
     * @param path               projected oxygen from the latest reading to dawn, five-minute steps
     * @param endStdError        standard error of the dawn value, mg/L (NaN with too few readings)
     */
    public record Sag(Method method, LinearRegression fit, double eveningTemperature, List<TimedValue> path,
                      double endStdError) {

        public Sag {
            path = List.copyOf(path);
        }

        public double dawnValue() {
            return path.get(path.size() - 1).value();
        }

        /** The first time the path falls below {@code threshold}, between the steps by linear interpolation. */
        public Optional<Instant> crossing(double threshold) {
            if (path.get(0).value() < threshold) {
                return Optional.of(path.get(0).time());
            }
            for (int i = 1; i < path.size(); i++) {
                TimedValue a = path.get(i - 1);
                TimedValue b = path.get(i);
                if (b.value() < threshold) {
                    double f = (a.value() - threshold) / (a.value() - b.value());
                    long millis = Duration.between(a.time(), b.time()).toMillis();
                    return Optional.of(a.time().plusMillis(Math.round(f * millis)));
                }
            }
            return Optional.empty();
        }
    }
}
