package io.agrisense.platform.model.wind;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One wind sample: speed in m/s and the direction the wind blows from, degrees clockwise from true north
 * (WMO-No. 8, Vol. I, ch. 5; 360 and 0 both mean north).
 */
public record WindObservation(Instant time, double speed, double directionDegrees) {

    public WindObservation {
        Objects.requireNonNull(time, "time");
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "wind speed %s m/s at %s must be a finite "
                    + "value >= 0", speed, time));
        }
        if (!(directionDegrees >= 0 && directionDegrees <= 360)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "wind direction %s° at %s must be within "
                    + "0..360", directionDegrees, time));
        }
    }

    /** Eastward component of the air's motion: a wind from the west (270°) has u > 0. */
    public double u() {
        return -speed * Math.sin(Math.toRadians(directionDegrees));
    }

    /** Northward component of the air's motion: a wind from the south (180°) has v > 0. */
    public double v() {
        return -speed * Math.cos(Math.toRadians(directionDegrees));
    }

    /** The direction a wind with components (u, v) blows from, in [0, 360) with north as 0, or NaN for no motion. */
    static double directionFrom(double u, double v) {
        if (Math.hypot(u, v) < 1e-12) {
            return Double.NaN;
        }
        double degrees = Math.toDegrees(Math.atan2(-u, -v));
        if (degrees < 0) {
            degrees += 360;
        }
        return degrees > 360 - 1e-9 ? 0 : degrees; // -1e-15 would otherwise read as 360
    }
}
