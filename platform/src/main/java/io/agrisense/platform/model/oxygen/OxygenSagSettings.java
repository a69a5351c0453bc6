package io.agrisense.platform.model.oxygen;

import java.time.Duration;
import java.util.Objects;

/**
 * A pond's oxygen-sag parameters (from its profile).
 *
 * @param bands       critical (default 3 mg/L for crayfish) and warning levels
 * @param aeratorLead how long before the projected crossing the aerator should start (it takes time to lift a
 *                    pond's oxygen, and the projection has an error)
 * @param method      the dusk-dawn extrapolation
 * @param theta       temperature coefficient of the night's respiration ({@link RespirationTemperature#THETA})
 * @param lethalBelow projected dawn value that makes the warning red, or null for none
 * @param clearMargin how far above the critical level a projection must rise to resolve a standing warning
 */
public record OxygenSagSettings(OxygenBands bands, Duration aeratorLead, NightOxygenProjection.Method method,
                                double theta, Double lethalBelow, double clearMargin) {

    public OxygenSagSettings {
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(aeratorLead, "aeratorLead");
        Objects.requireNonNull(method, "method");
        if (aeratorLead.isNegative() || clearMargin < 0 || (lethalBelow != null && !(lethalBelow > 0
                && lethalBelow < bands.criticalBelow()))) {
            throw new IllegalArgumentException("oxygen settings out of range: lead " + aeratorLead + ", margin "
                    + clearMargin + ", lethal " + lethalBelow + " (must be below the critical " + bands.criticalBelow() + ")");
        }
    }

    /** A crayfish pond: critical 3 mg/L, aerator two hours ahead, log-linear sag, theta 1.047, 0.5 mg/L margin. */
    public static OxygenSagSettings forBands(OxygenBands bands) {
        return new OxygenSagSettings(bands, Duration.ofHours(2), NightOxygenProjection.Method.LOG_LINEAR,
                RespirationTemperature.THETA, null, 0.5);
    }

    public OxygenSagSettings withCritical(double criticalBelow) {
        return new OxygenSagSettings(new OxygenBands(criticalBelow, bands.warningBelow()), aeratorLead, method, theta,
                lethalBelow, clearMargin);
    }

    public OxygenSagSettings withMethod(NightOxygenProjection.Method newMethod) {
        return new OxygenSagSettings(bands, aeratorLead, newMethod, theta, lethalBelow, clearMargin);
    }

    public OxygenSagSettings withLethalBelow(Double lethal) {
        return new OxygenSagSettings(bands, aeratorLead, method, theta, lethal, clearMargin);
    }
}
