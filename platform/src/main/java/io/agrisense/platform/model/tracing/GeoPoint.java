package io.agrisense.platform.model.tracing;

import java.util.Locale;

/** A station's position in decimal degrees (WGS 84). */
public record GeoPoint(double latitude, double longitude) {

    /** Mean Earth radius R1 = (2a + b) / 3 of WGS 84, km (IUGG). */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "position %s, %s is outside latitude -90..90 and longitude -180..180", latitude, longitude));
        }
    }

    /** Great-circle distance by the haversine formula (Sinnott 1984), km. */
    public double distanceKm(GeoPoint to) {
        double phi1 = Math.toRadians(latitude);
        double phi2 = Math.toRadians(to.latitude);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(to.longitude - longitude);
        double a = Math.pow(Math.sin(dPhi / 2), 2) + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(dLambda / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Initial great-circle bearing towards {@code to}, degrees clockwise from true north in [0, 360). */
    public double bearingDegrees(GeoPoint to) {
        double phi1 = Math.toRadians(latitude);
        double phi2 = Math.toRadians(to.latitude);
        double dLambda = Math.toRadians(to.longitude - longitude);
        double y = Math.sin(dLambda) * Math.cos(phi2);
        double x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda);
        double degrees = Math.toDegrees(Math.atan2(y, x));
        return degrees < 0 ? degrees + 360 : degrees;
    }

    /** The smallest angle between two directions, 0..180 degrees. */
    public static double angleBetween(double aDegrees, double bDegrees) {
        double d = Math.abs(aDegrees - bDegrees) % 360;
        return d > 180 ? 360 - d : d;
    }
}
