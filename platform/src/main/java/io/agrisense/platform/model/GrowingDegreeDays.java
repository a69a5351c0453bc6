package io.agrisense.platform.model;

import java.util.List;

/**
 * Growing degree days from a day's extremes. The average method, GDD = (Tmax + Tmin) / 2 - Tbase, never
 * negative, comes in the two interpretations of McMaster and Wilhelm (1997, Agric. For. Meteorol. 87:291):
 * method 1 averages the raw extremes; method 2 first clamps both extremes into [Tbase, Tupper]. An upper
 * cutoff (the temperature above which development no longer speeds up) caps the extremes in both. The single
 * sine method (Baskerville and Emin 1969, Ecology 50:514) integrates a sine curve through the extremes between
 * the thresholds, with the horizontal cutoff of Zalom et al. (1983, UC Leaflet 21373), as the UC IPM
 * degree-day calculator does; it credits the warm hours of days whose mean is below the base.
 */
public final class GrowingDegreeDays {

    public enum Method {
        /** McMaster and Wilhelm method 1: average of the extremes (capped at the cutoff) minus the base. */
        AVERAGE,
        /** McMaster and Wilhelm method 2: extremes below the base count as the base (e.g. maize 10/30). */
        BASE_CLAMPED,
        /** Baskerville and Emin single sine with a horizontal upper cutoff (insect models). */
        SINGLE_SINE
    }

    /** One day's extremes, degrees Celsius. */
    public record DailyExtremes(double tMax, double tMin) {

        public DailyExtremes {
            if (tMin > tMax) {
                throw new IllegalArgumentException("daily minimum " + tMin + " is above the maximum " + tMax);
            }
        }
    }

    private GrowingDegreeDays() {
    }

    /** Method 1 without cutoff. */
    public static double daily(double tMax, double tMin, double base) {
        return daily(tMax, tMin, base, null, Method.AVERAGE);
    }

    /**
     * @param upperCutoff null for none; otherwise extremes above it count as the cutoff
     */
    public static double daily(double tMax, double tMin, double base, Double upperCutoff, Method method) {
        if (method == Method.SINGLE_SINE) {
            return singleSine(tMax, tMin, base, upperCutoff == null ? Double.POSITIVE_INFINITY : upperCutoff);
        }
        double hi = tMax;
        double lo = tMin;
        if (upperCutoff != null) {
            hi = Math.min(hi, upperCutoff);
            lo = Math.min(lo, upperCutoff);
        }
        if (method == Method.BASE_CLAMPED) {
            hi = Math.max(hi, base);
            lo = Math.max(lo, base);
        }
        return Math.max(0, (hi + lo) / 2 - base); // daily average method, McMaster & Wilhelm 1997
    }

    /**
     * Single sine degree days with a horizontal cutoff, the six cases of Zalom et al. (1983): the day's mean
     * excess over the lower threshold of T(t) = M + A sin t, with T counted as the upper threshold above it.
     * One formula covers the cases: theta1 and theta2 are where the curve crosses the thresholds.
     *
     * @param upper upper threshold, {@link Double#POSITIVE_INFINITY} for none
     */
    public static double singleSine(double tMax, double tMin, double lower, double upper) {
        if (tMin > tMax) {
            throw new IllegalArgumentException("daily minimum " + tMin + " is above the maximum " + tMax);
        }
        if (!(upper > lower)) {
            throw new IllegalArgumentException("upper threshold " + upper + " must be above the lower " + lower);
        }
        if (tMin >= upper) {
            return upper - lower;
        }
        if (tMax <= lower) {
            return 0;
        }
        double mean = (tMax + tMin) / 2;
        double amplitude = (tMax - tMin) / 2;
        if (tMin >= lower && tMax <= upper) {
            return mean - lower;
        }
        double theta1 = tMin < lower ? Math.asin((lower - mean) / amplitude) : -Math.PI / 2;
        double theta2 = tMax > upper ? Math.asin((upper - mean) / amplitude) : Math.PI / 2;
        // area between the lower threshold and the curve from theta1 to theta2, plus the cut-off plateau beyond theta2
        double underCurve = (mean - lower) * (theta2 - theta1) + amplitude * (Math.cos(theta1) - Math.cos(theta2));
        double plateau = (upper - lower) * (Math.PI / 2 - theta2);
        return (underCurve + (Double.isInfinite(upper) ? 0 : plateau)) / Math.PI;
    }

    /** Degree days of one day for a crop or pest profile. */
    public static double daily(DailyExtremes day, DegreeDayProfile profile) {
        return daily(day.tMax(), day.tMin(), profile.baseTemperature(), profile.upperCutoff(), profile.methodOrDefault());
    }

    /** Sum over consecutive days (from the profile's biofix or sowing date). */
    public static double accumulate(List<DailyExtremes> days, DegreeDayProfile profile) {
        double sum = 0;
        for (DailyExtremes day : days) {
            sum += daily(day, profile);
        }
        return sum;
    }
}
