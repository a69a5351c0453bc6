package io.agrisense.platform.model;

import java.util.List;

/**
 * Growing degree days by the daily average method, GDD = (Tmax + Tmin) / 2 - Tbase, never negative.
 * The two interpretations are those of McMaster and Wilhelm (1997, Agric. For. Meteorol. 87:291): method 1
 * averages the raw extremes; method 2 first clamps both extremes into [Tbase, Tupper]. An upper cutoff (the
 * temperature above which development no longer speeds up) caps the extremes in both methods.
 */
public final class GrowingDegreeDays {

    public enum Method {
        /** McMaster and Wilhelm method 1: average of the extremes (capped at the cutoff) minus the base. */
        AVERAGE,
        /** McMaster and Wilhelm method 2: extremes below the base count as the base (e.g. maize 10/30). */
        BASE_CLAMPED
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
