package io.agrisense.link.uplink;

/**
 * Where a station stands, for the platform's models (FAO-56 ET0 needs latitude and elevation; frost and sunrise
 * need the position). Sent in the retained online status.
 *
 * @param latitude  decimal degrees, north positive
 * @param longitude decimal degrees, east positive
 * @param elevation metres above sea level
 */
public record Location(double latitude, double longitude, double elevation) {

    public Location {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude " + latitude + " must be within -90..90");
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude " + longitude + " must be within -180..180");
        }
        if (!(elevation >= -500 && elevation <= 9000)) {
            throw new IllegalArgumentException("elevation " + elevation + " m must be within -500..9000");
        }
    }
}
