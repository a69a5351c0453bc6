package io.agrisense.platform.model.evapotranspiration;

/** Atmospheric parameters of FAO-56 chapter 3 that depend on the site. */
public final class Atmosphere {

    private Atmosphere() {
    }

    /** Mean atmospheric pressure in kPa at {@code altitude} metres above sea level. */
    public static double pressure(double altitude) {
        return 101.3 * Math.pow((293 - 0.0065 * altitude) / 293, 5.26); // FAO-56 eq. 7
    }

    /** Psychrometric constant in kPa per degree Celsius at pressure {@code pressureKPa}. */
    public static double psychrometricConstant(double pressureKPa) {
        return 0.665e-3 * pressureKPa; // FAO-56 eq. 8
    }
}
