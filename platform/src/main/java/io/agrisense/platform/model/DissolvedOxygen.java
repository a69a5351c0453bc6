package io.agrisense.platform.model;

/**
 * Oxygen solubility in fresh water (salinity 0) in equilibrium with water-saturated air, by the Benson and
 * Krause (1984) equation that Standard Methods (APHA 4500-O) and the USGS DOTABLES use.
 */
public final class DissolvedOxygen {

    /** One standard atmosphere in kPa. */
    public static final double STANDARD_PRESSURE_KPA = 101.325;

    private DissolvedOxygen() {
    }

    /** Saturation concentration in mg/L at one standard atmosphere. */
    public static double saturation(double waterTemperature) {
        requireLiquid(waterTemperature);
        double t = waterTemperature + 273.15;
        double lnC = -139.34411 + 1.575701e5 / t - 6.642308e7 / (t * t)
                + 1.243800e10 / (t * t * t) - 8.621949e11 / (t * t * t * t); // Benson & Krause 1984, APHA 4500-O
        return Math.exp(lnC);
    }

    /** Saturation concentration in mg/L at barometric pressure {@code pressureKPa} (altitude, weather). */
    public static double saturation(double waterTemperature, double pressureKPa) {
        double c = saturation(waterTemperature);
        double t = waterTemperature + 273.15;
        double p = pressureKPa / STANDARD_PRESSURE_KPA;
        double pwv = Math.exp(11.8571 - 3840.70 / t - 216961 / (t * t)); // water vapour pressure, atm (APHA 4500-O)
        double theta = 0.000975 - 1.426e-5 * waterTemperature + 6.436e-8 * waterTemperature * waterTemperature;
        return c * p * ((1 - pwv / p) * (1 - theta * p)) / ((1 - pwv) * (1 - theta)); // APHA 4500-O pressure correction
    }

    /** Measured concentration as a percentage of saturation at one standard atmosphere. */
    public static double percentSaturation(double dissolvedOxygen, double waterTemperature) {
        return 100 * dissolvedOxygen / saturation(waterTemperature);
    }

    /** Measured concentration as a percentage of saturation at the given barometric pressure. */
    public static double percentSaturation(double dissolvedOxygen, double waterTemperature, double pressureKPa) {
        return 100 * dissolvedOxygen / saturation(waterTemperature, pressureKPa);
    }

    private static void requireLiquid(double waterTemperature) {
        if (!(waterTemperature >= 0 && waterTemperature <= 50)) {
            throw new IllegalArgumentException("water temperature " + waterTemperature
                    + " Cel is outside the 0..50 range of the Benson-Krause equation");
        }
    }
}
