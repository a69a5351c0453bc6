package io.agrisense.platform.model.frost;

import java.time.Duration;
import java.util.Objects;

/**
 * A station's frost-warning parameters (from its profile).
 *
 * @param critical      the crop's critical temperature; the warning fires when the projected minimum reaches it
 * @param calibration   the site's minimum-temperature forecast, or null to rely on tonight's own cooling only
 * @param surfaceOffset how much colder plant and ground surfaces run than the air at the sensor on a radiation
 *                      night, degrees Celsius; the CMA frost signals are set on the ground minimum, so the levels
 *                      compare projected minimum minus this offset (0 when the site has not measured it)
 * @param actionLead    how long before the critical temperature the fans or sprinklers should run
 * @param calmWind      the mean wind (m/s) up to which a night counts as a radiation night (FAO 2005: calm, below
 *                      about 2 m/s)
 * @param clearSky      the afternoon clearness Rs/Rso from which the sky counts as clear (FAO-56 uses Rs/Rso of
 *                      the hours before sunset for night-time longwave)
 * @param clearMargin   how far above the critical temperature a projection must rise before a standing warning
 *                      is resolved, so that a warning does not flap
 */
public record FrostSettings(CriticalTemperature critical, MinimumTemperatureForecast calibration,
                            double surfaceOffset, Duration actionLead, double calmWind, double clearSky,
                            double clearMargin) {

    public FrostSettings {
        Objects.requireNonNull(critical, "critical");
        Objects.requireNonNull(actionLead, "actionLead");
        if (surfaceOffset < 0 || actionLead.isNegative() || !(calmWind > 0) || !(clearSky > 0 && clearSky <= 1)
                || clearMargin < 0) {
            throw new IllegalArgumentException("frost settings out of range: surface offset " + surfaceOffset
                    + ", lead " + actionLead + ", calm wind " + calmWind + ", clear sky " + clearSky
                    + ", margin " + clearMargin);
        }
    }

    /** Defaults for a crop: no calibration yet, no surface offset, act one hour ahead, 2 m/s, Rs/Rso 0.7, 1 degree. */
    public static FrostSettings forCrop(CriticalTemperature critical) {
        return new FrostSettings(critical, null, 0.0, Duration.ofHours(1), 2.0, 0.7, 1.0);
    }

    public FrostSettings withCalibration(MinimumTemperatureForecast forecast) {
        return new FrostSettings(critical, forecast, surfaceOffset, actionLead, calmWind, clearSky, clearMargin);
    }

    public FrostSettings withSurfaceOffset(double offset) {
        return new FrostSettings(critical, calibration, offset, actionLead, calmWind, clearSky, clearMargin);
    }
}
