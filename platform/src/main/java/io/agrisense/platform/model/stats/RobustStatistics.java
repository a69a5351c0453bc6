package io.agrisense.platform.model.stats;

import java.util.Arrays;

/**
 * Order statistics that a few wild values do not move: median, median absolute deviation and sample quantiles.
 * Missing values (NaN) are skipped.
 */
public final class RobustStatistics {

    /**
     * MAD * 1.4826 estimates the standard deviation of normally distributed data (1 / Phi^-1(3/4);
     * Rousseeuw and Croux 1993), so a robust z-score reads like an ordinary one.
     */
    public static final double MAD_TO_SIGMA = 1.4826;

    private RobustStatistics() {
    }

    /** The finite values, sorted; NaN marks a missing value and is dropped. */
    public static double[] sortedFinite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    }

    /** Median of the finite values, NaN when there are none. */
    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** Median absolute deviation from the median (unscaled), NaN when there are no finite values. */
    public static double mad(double[] values) {
        double[] finite = sortedFinite(values);
        if (finite.length == 0) {
            return Double.NaN;
        }
        double median = quantileOfSorted(finite, 0.5);
        double[] deviations = new double[finite.length];
        for (int i = 0; i < finite.length; i++) {
            deviations[i] = Math.abs(finite[i] - median);
        }
        return median(deviations);
    }

    /** MAD scaled to a standard deviation, never below {@code floor} (a flat series would otherwise divide by zero). */
    public static double robustSigma(double[] values, double floor) {
        double sigma = MAD_TO_SIGMA * mad(values);
        return Double.isNaN(sigma) ? floor : Math.max(sigma, floor);
    }

    /**
     * Sample quantile by linear interpolation between order statistics (Hyndman and Fan 1996, definition 7; the
     * default of R and NumPy): h = (n - 1) p, Q = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
     */
    public static double quantile(double[] values, double p) {
        return quantileOfSorted(sortedFinite(values), p);
    }

    /** As {@link #quantile} on values already sorted and finite. */
    public static double quantileOfSorted(double[] sorted, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile probability " + p + " must be within 0..1");
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }
}
