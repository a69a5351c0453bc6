package io.agrisense.platform.model.evapotranspiration;

/**
 * Vapour pressure relations of FAO Irrigation and Drainage Paper 56 (Allen et al., 1998), chapter 3.
 * Temperatures in degrees Celsius, relative humidity in percent, pressures in kPa.
 */
public final class Psychrometrics {

    private Psychrometrics() {
    }

    /** Saturation vapour pressure over water at temperature {@code t}. */
    public static double saturationVapourPressure(double t) {
        return 0.6108 * Math.exp(17.27 * t / (t + 237.3)); // FAO-56 eq. 11
    }

    /** Mean saturation vapour pressure of a day or month from its extreme temperatures. */
    public static double meanSaturationVapourPressure(double tMax, double tMin) {
        return (saturationVapourPressure(tMax) + saturationVapourPressure(tMin)) / 2; // FAO-56 eq. 12
    }

    /** Slope of the saturation vapour pressure curve, kPa per degree Celsius. */
    public static double saturationSlope(double t) {
        double denominator = (t + 237.3) * (t + 237.3);
        return 4098 * saturationVapourPressure(t) / denominator; // FAO-56 eq. 13
    }

    /** Actual vapour pressure from the dew point temperature. */
    public static double actualFromDewPoint(double dewPoint) {
        return saturationVapourPressure(dewPoint); // FAO-56 eq. 14
    }

    /** Actual vapour pressure from daily maximum and minimum relative humidity. */
    public static double actualFromHumidityExtremes(double tMax, double tMin, double rhMax, double rhMin) {
        return (saturationVapourPressure(tMin) * rhMax / 100
                + saturationVapourPressure(tMax) * rhMin / 100) / 2; // FAO-56 eq. 17
    }

    /** Actual vapour pressure from the maximum relative humidity only (when RHmin is unreliable). */
    public static double actualFromMaximumHumidity(double tMin, double rhMax) {
        return saturationVapourPressure(tMin) * rhMax / 100; // FAO-56 eq. 18
    }

    /** Actual vapour pressure from mean relative humidity, the least preferred form. */
    public static double actualFromMeanHumidity(double tMax, double tMin, double rhMean) {
        return rhMean / 100 * meanSaturationVapourPressure(tMax, tMin); // FAO-56 eq. 19
    }
}
