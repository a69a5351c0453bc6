package io.agrisense.platform.model.evapotranspiration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/** Sun-earth geometry of FAO-56 chapter 3: extraterrestrial radiation, day length, sunrise and sunset. */
public final class SolarGeometry {

    /** Solar constant, MJ m-2 min-1. */
    static final double SOLAR_CONSTANT = 0.0820;

    private SolarGeometry() {
    }

    public static double inverseRelativeDistance(int dayOfYear) {
        return 1 + 0.033 * Math.cos(2 * Math.PI * dayOfYear / 365); // FAO-56 eq. 23
    }

    /** Solar declination in radians. */
    public static double declination(int dayOfYear) {
        return 0.409 * Math.sin(2 * Math.PI * dayOfYear / 365 - 1.39); // FAO-56 eq. 24
    }

    /** Sunset hour angle in radians; 0 in polar night and pi under the midnight sun. */
    public static double sunsetHourAngle(double latitudeDegrees, int dayOfYear) {
        double phi = Math.toRadians(latitudeDegrees); // FAO-56 eq. 22
        double x = -Math.tan(phi) * Math.tan(declination(dayOfYear));
        return Math.acos(Math.max(-1, Math.min(1, x))); // FAO-56 eq. 25
    }

    /** Extraterrestrial radiation Ra, MJ m-2 day-1. */
    public static double extraterrestrialRadiation(double latitudeDegrees, int dayOfYear) {
        double phi = Math.toRadians(latitudeDegrees);
        double delta = declination(dayOfYear);
        double ws = sunsetHourAngle(latitudeDegrees, dayOfYear);
        return 24 * 60 / Math.PI * SOLAR_CONSTANT * inverseRelativeDistance(dayOfYear)
                * (ws * Math.sin(phi) * Math.sin(delta) + Math.cos(phi) * Math.cos(delta) * Math.sin(ws)); // FAO-56 eq. 21
    }

    /** Daylight hours N. */
    public static double daylightHours(double latitudeDegrees, int dayOfYear) {
        return 24 / Math.PI * sunsetHourAngle(latitudeDegrees, dayOfYear); // FAO-56 eq. 34
    }

    /** Seasonal correction for solar time (equation of time), hours. */
    public static double seasonalCorrection(int dayOfYear) {
        double b = 2 * Math.PI * (dayOfYear - 81) / 364; // FAO-56 eq. 33
        return 0.1645 * Math.sin(2 * b) - 0.1255 * Math.cos(b) - 0.025 * Math.sin(b); // FAO-56 eq. 32
    }

    /**
     * Geometric sunrise (centre of the disc on the horizon, no refraction, so a few minutes after the
     * almanac's) for a site; empty in polar night and under the midnight sun.
     *
     * @param longitudeEast degrees east of Greenwich (negative west)
     */
    public static Optional<Instant> sunrise(double latitudeDegrees, double longitudeEast, LocalDate date) {
        return horizonCrossing(latitudeDegrees, longitudeEast, date, -1);
    }

    /** Geometric sunset, the evening twin of {@link #sunrise}; empty in polar night and under the midnight sun. */
    public static Optional<Instant> sunset(double latitudeDegrees, double longitudeEast, LocalDate date) {
        return horizonCrossing(latitudeDegrees, longitudeEast, date, +1);
    }

    /**
     * The night that contains {@code now} or, by day, the coming one: from the sunset of the station's local day
     * (the previous day's before dawn) to the next sunrise. Empty where the sun does not set or rise.
     */
    public static Optional<Night> night(double latitudeDegrees, double longitudeEast, Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Optional<Instant> sunriseToday = sunrise(latitudeDegrees, longitudeEast, today);
        Optional<Instant> sunsetYesterday = sunset(latitudeDegrees, longitudeEast, today.minusDays(1));
        if (sunriseToday.isPresent() && sunsetYesterday.isPresent() && now.isBefore(sunriseToday.get())) {
            return Optional.of(new Night(sunsetYesterday.get(), sunriseToday.get()));
        }
        Optional<Instant> sunsetToday = sunset(latitudeDegrees, longitudeEast, today);
        Optional<Instant> sunriseTomorrow = sunrise(latitudeDegrees, longitudeEast, today.plusDays(1));
        if (sunsetToday.isEmpty() || sunriseTomorrow.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Night(sunsetToday.get(), sunriseTomorrow.get()));
    }

    /** From sunset to the next sunrise. */
    public record Night(Instant sunset, Instant sunrise) {

        public Night {
            if (!sunrise.isAfter(sunset)) {
                throw new IllegalArgumentException("sunrise " + sunrise + " must come after sunset " + sunset);
            }
        }

        public boolean contains(Instant time) {
            return !time.isBefore(sunset) && time.isBefore(sunrise);
        }
    }

    /** Sunrise ({@code side} -1, hour angle -ws) or sunset (+1, hour angle +ws) at the site's longitude. */
    private static Optional<Instant> horizonCrossing(double latitudeDegrees, double longitudeEast, LocalDate date,
                                                     int side) {
        int j = date.getDayOfYear();
        double ws = sunsetHourAngle(latitudeDegrees, j);
        if (ws <= 0 || ws >= Math.PI) {
            return Optional.empty();
        }
        double solarHour = 12 + side * ws * 12 / Math.PI;
        double utcHour = solarHour - longitudeEast / 15 - seasonalCorrection(j); // FAO-56 eq. 31 with Lz = 0 (UTC)
        long seconds = Math.round(utcHour * 3600);
        return Optional.of(date.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(seconds));
    }
}
