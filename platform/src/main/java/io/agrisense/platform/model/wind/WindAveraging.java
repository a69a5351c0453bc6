package io.agrisense.platform.model.wind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Wind averages by WMO-No. 8 (Guide to Instruments and Methods of Observation, 2018 edition), Vol. I, ch. 5: the
 * mean direction comes from averaging the wind vectors' components, never the angles (the mean of 350° and 10° is
 * north, not south); the scalar mean speed is reported beside the vector mean speed; the gust is the largest 3-s
 * running mean of the speed. 2-min means serve aviation and current reports, 10-min means synoptic ones.
 */
public final class WindAveraging {

    public static final Duration TWO_MINUTES = Duration.ofMinutes(2);
    public static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    public static final Duration GUST_WINDOW = Duration.ofSeconds(3);

    /**
     * @param samples          samples in (to - period, to]
     * @param scalarSpeed      mean of the speeds, m/s
     * @param vectorSpeed      length of the mean wind vector, m/s (at most the scalar mean)
     * @param directionDegrees direction of the mean vector (from), or null when the vectors cancel out
     * @param steadiness       vectorSpeed / scalarSpeed, 1 for a wind that never turned (0 when calm)
     */
    public record WindMean(Instant from, Instant to, int samples, double scalarSpeed, double vectorSpeed,
                           Double directionDegrees, double steadiness) {
    }

    private WindAveraging() {
    }

    /** The mean over (to - period, to]; empty when there is no sample in it. */
    public static Optional<WindMean> mean(List<WindObservation> observations, Instant to, Duration period) {
        Instant from = to.minus(period);
        double sumSpeed = 0;
        double sumU = 0;
        double sumV = 0;
        int n = 0;
        for (WindObservation o : observations) {
            if (o.time().isAfter(from) && !o.time().isAfter(to)) {
                sumSpeed += o.speed();
                sumU += o.u();
                sumV += o.v();
                n++;
            }
        }
        if (n == 0) {
            return Optional.empty();
        }
        double scalar = sumSpeed / n;
        double u = sumU / n;
        double v = sumV / n;
        double vector = Math.hypot(u, v);
        double direction = WindObservation.directionFrom(u, v);
        return Optional.of(new WindMean(from, to, n, scalar, vector,
                Double.isNaN(direction) ? null : direction, scalar > 0 ? vector / scalar : 0));
    }

    /**
     * The gust: the largest 3-s running mean of speeds sampled every {@code sampleInterval} (which must divide 3 s,
     * e.g. 0.25 s as WMO-No. 8 recommends, or 1 s). A running mean counts only over consecutive samples; gaps break it.
     */
    public static OptionalDouble gust(List<WindObservation> observations, Duration sampleInterval) {
        long step = sampleInterval.toNanos();
        if (step <= 0 || GUST_WINDOW.toNanos() % step != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a 3-s gust needs a sampling interval dividing 3 s, got %s", sampleInterval));
        }
        int window = (int) (GUST_WINDOW.toNanos() / step);
        List<WindObservation> sorted = new ArrayList<>(observations);
        sorted.sort(Comparator.comparing(WindObservation::time));
        double best = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int run = 0;
        for (int i = 0; i < sorted.size(); i++) {
            boolean consecutive = i > 0 && Duration.between(sorted.get(i - 1).time(), sorted.get(i).time()).toNanos() == step;
            if (!consecutive) {
                run = 0;
                sum = 0;
            }
            sum += sorted.get(i).speed();
            run++;
            if (run > window) {
                sum -= sorted.get(i - window).speed();
                run = window;
            }
            if (run == window) {
                best = Math.max(best, sum / window);
            }
        }
        return best == Double.NEGATIVE_INFINITY ? OptionalDouble.empty() : OptionalDouble.of(best);
    }
}
