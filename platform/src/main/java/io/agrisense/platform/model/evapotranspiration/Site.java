package io.agrisense.platform.model.evapotranspiration;

/**
 * Where a weather station stands.
 *
 * @param latitude  decimal degrees, north positive
 * @param longitude decimal degrees, east positive
 * @param altitude  metres above sea level
 * @param coastal   near a large water body (Hargreaves kRs 0.19 instead of 0.16)
 */
public record Site(double latitude, double longitude, double altitude, boolean coastal) {

    public Site {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude " + latitude + " must be within -90..90");
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude " + longitude + " must be within -180..180");
        }
    }

    double hargreavesCoefficient() {
        return coastal ? 0.19 : 0.16;
    }
}
