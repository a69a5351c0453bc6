package io.agrisense.platform.model.evapotranspiration;

/**
 * Reference evapotranspiration with every intermediate term of FAO-56, so a figure can be explained
 * (and checked against the paper's worked examples). Pressures kPa, radiation MJ m-2 day-1.
 */
public record Et0Breakdown(
        int dayOfYear,
        double meanTemperature,
        double slope,
        double pressure,
        double psychrometricConstant,
        double windAt2m,
        double saturationVapourPressure,
        double actualVapourPressure,
        double extraterrestrialRadiation,
        double daylightHours,
        double solarRadiation,
        double clearSkyRadiation,
        double netShortwave,
        double netLongwave,
        double netRadiation,
        double soilHeatFlux,
        double et0) {

    public double vapourPressureDeficit() {
        return saturationVapourPressure - actualVapourPressure;
    }
}
