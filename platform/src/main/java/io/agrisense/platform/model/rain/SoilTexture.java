package io.agrisense.platform.model.rain;

/**
 * Total porosity (the water content at saturation, % by volume) of the USDA texture classes, the means of
 * Rawls, Brakensiek and Saxton (1982, "Estimation of soil water properties", Trans. ASAE 25:1316, Table 2).
 * A station with a measured saturation uses its own value instead.
 */
public enum SoilTexture {
    SAND(43.7), LOAMY_SAND(43.7), SANDY_LOAM(45.3), LOAM(46.3), SILT_LOAM(50.1), SANDY_CLAY_LOAM(39.8),
    CLAY_LOAM(46.4), SILTY_CLAY_LOAM(47.1), SANDY_CLAY(43.0), SILTY_CLAY(47.9), CLAY(47.5);

    private final double porosity;

    SoilTexture(double porosity) {
        this.porosity = porosity;
    }

    /** Volumetric water content at saturation, percent. */
    public double porosity() {
        return porosity;
    }
}
