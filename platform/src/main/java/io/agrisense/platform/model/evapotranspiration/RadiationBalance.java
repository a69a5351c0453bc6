package io.agrisense.platform.model.evapotranspiration;

/** Radiation terms of FAO-56 chapter 3, all in MJ m-2 day-1. */
public final class RadiationBalance {

    /** Stefan-Boltzmann constant, MJ K-4 m-2 day-1. */
    static final double STEFAN_BOLTZMANN = 4.903e-9;
    /** Albedo of the hypothetical grass reference crop. */
    static final double ALBEDO = 0.23;
    /** Angstrom values recommended where no calibration exists. */
    static final double ANGSTROM_A = 0.25;
    static final double ANGSTROM_B = 0.50;

    private RadiationBalance() {
    }

    /** Solar radiation from actual sunshine hours {@code n} of a day with {@code daylightHours} N. */
    public static double solarFromSunshine(double ra, double n, double daylightHours) {
        return (ANGSTROM_A + ANGSTROM_B * n / daylightHours) * ra; // FAO-56 eq. 35
    }

    /**
     * Solar radiation from the temperature range (Hargreaves) when neither radiation nor sunshine is
     * measured; {@code kRs} 0.16 for interior and 0.19 for coastal sites.
     */
    public static double solarFromTemperatureRange(double ra, double tMax, double tMin, double kRs) {
        return kRs * Math.sqrt(Math.max(0, tMax - tMin)) * ra; // FAO-56 eq. 50
    }

    /** Clear-sky solar radiation at {@code altitude} metres. */
    public static double clearSky(double ra, double altitude) {
        return (0.75 + 2e-5 * altitude) * ra; // FAO-56 eq. 37
    }

    public static double netShortwave(double rs) {
        return (1 - ALBEDO) * rs; // FAO-56 eq. 38
    }

    /** Net outgoing longwave radiation; Rs/Rso is capped at 1. */
    public static double netLongwave(double tMax, double tMin, double ea, double rs, double rso) {
        double tMaxK = tMax + 273.16;
        double tMinK = tMin + 273.16;
        double relativeShortwave = Math.min(1.0, rs / rso);
        return STEFAN_BOLTZMANN * (Math.pow(tMaxK, 4) + Math.pow(tMinK, 4)) / 2
                * (0.34 - 0.14 * Math.sqrt(ea))
                * (1.35 * relativeShortwave - 0.35); // FAO-56 eq. 39
    }
}
