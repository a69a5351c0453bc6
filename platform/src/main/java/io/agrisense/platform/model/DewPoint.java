package io.agrisense.platform.model;

/**
 * Dew point from air temperature and relative humidity by the Magnus formula with the coefficients of
 * Alduchov and Eskridge (1996), a = 17.625 and b = 243.04 degrees Celsius, recommended by Lawrence (2005,
 * BAMS 86:225) for -40..50 degrees Celsius with errors below 0.35 degrees.
 */
public final class DewPoint {

    static final double A = 17.625;
    static final double B = 243.04;

    private DewPoint() {
    }

    /** Dew point in degrees Celsius; {@code rh} in percent, (0, 100]. */
    public static double celsius(double airTemperature, double rh) {
        if (!(rh > 0 && rh <= 100)) {
            throw new IllegalArgumentException("relative humidity " + rh + " %RH must be in (0, 100]");
        }
        double gamma = Math.log(rh / 100) + A * airTemperature / (B + airTemperature); // Magnus formula solved for Td (Lawrence 2005)
        return B * gamma / (A - gamma);
    }

    /** The inverse: relative humidity in percent of air at {@code airTemperature} with dew point {@code dewPoint}. */
    public static double relativeHumidity(double airTemperature, double dewPoint) {
        return 100 * Math.exp(A * dewPoint / (B + dewPoint) - A * airTemperature / (B + airTemperature)); // Magnus formula, e(Td) / es(T)
    }
}
