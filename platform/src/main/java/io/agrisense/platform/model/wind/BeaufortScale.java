package io.agrisense.platform.model.wind;

/**
 * Wind force by GB/T 28591-2012 "Wind force scale": the Beaufort scale extended to force 17, as 10 m wind speeds
 * in m/s (force 0: 0.0-0.2, 1: 0.3-1.5, 2: 1.6-3.3, 3: 3.4-5.4, 4: 5.5-7.9, 5: 8.0-10.7, 6: 10.8-13.8,
 * 7: 13.9-17.1, 8: 17.2-20.7, 9: 20.8-24.4, 10: 24.5-28.4, 11: 28.5-32.6, 12: 32.7-36.9, 13: 37.0-41.4,
 * 14: 41.5-46.1, 15: 46.2-50.9, 16: 51.0-56.0, 17: 56.1-61.2, and 17 above that).
 */
public final class BeaufortScale {

    /** Upper bound of forces 0..16, m/s; speeds are read to 0.1 m/s as the standard prints them. */
    private static final double[] UPPER = {0.2, 1.5, 3.3, 5.4, 7.9, 10.7, 13.8, 17.1, 20.7, 24.4, 28.4, 32.6, 36.9,
            41.4, 46.1, 50.9, 56.0};

    private BeaufortScale() {
    }

    public static int force(double metresPerSecond) {
        if (!(metresPerSecond >= 0) || Double.isInfinite(metresPerSecond)) {
            throw new IllegalArgumentException("wind speed " + metresPerSecond + " m/s must be a finite value >= 0");
        }
        double tenths = Math.round(metresPerSecond * 10) / 10.0;
        for (int force = 0; force < UPPER.length; force++) {
            if (tenths <= UPPER[force]) {
                return force;
            }
        }
        return 17;
    }

    /** The lowest speed of a force, m/s (0 for force 0). */
    public static double lowerBound(int force) {
        if (force < 0 || force > 17) {
            throw new IllegalArgumentException("wind force " + force + " is outside 0..17");
        }
        return force == 0 ? 0 : Math.round((UPPER[force - 1] + 0.1) * 10) / 10.0;
    }
}
