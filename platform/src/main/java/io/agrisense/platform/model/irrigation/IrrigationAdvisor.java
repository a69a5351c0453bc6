package io.agrisense.platform.model.irrigation;

import java.util.Locale;
import java.util.Objects;

/**
 * Daily irrigation recommendation from the FAO-56 root-zone water balance (chapter 8): today's depletion
 * comes from the soil moisture reading, the day's crop evapotranspiration and effective rain move it, and
 * when it would pass the readily available water the advice is to refill to field capacity.
 */
public final class IrrigationAdvisor {

    private final SoilWater soil;
    private final double applicationEfficiency;

    /** @param applicationEfficiency share of delivered water that reaches the root zone (drip ~0.9, sprinkler ~0.75) */
    public IrrigationAdvisor(SoilWater soil, double applicationEfficiency) {
        this.soil = Objects.requireNonNull(soil, "soil");
        if (!(applicationEfficiency > 0 && applicationEfficiency <= 1)) {
            throw new IllegalArgumentException("application efficiency " + applicationEfficiency + " must be within (0, 1]");
        }
        this.applicationEfficiency = applicationEfficiency;
    }

    /**
     * @param et0            reference evapotranspiration for the day, mm
     * @param cropCoefficient Kc for the crop's current stage (FAO-56 Table 12)
     * @param effectiveRain  rain that enters the root zone today (rainfall minus runoff), mm
     * @param soilMoisture   volumetric water content now, percent
     */
    public IrrigationAdvice advise(double et0, double cropCoefficient, double effectiveRain, double soilMoisture) {
        if (et0 < 0 || cropCoefficient < 0 || effectiveRain < 0) {
            throw new IllegalArgumentException("ET0, Kc and rain must not be negative");
        }
        double etc = cropCoefficient * et0; // FAO-56 eq. 56, ETc = Kc ET0
        double now = soil.depletion(soilMoisture);
        double after = Math.max(0, now - effectiveRain + etc); // FAO-56 eq. 85 without irrigation, capillary rise or percolation
        double raw = soil.readilyAvailableWater();
        if (after < raw) {
            return new IrrigationAdvice(0, 0, etc, now, after, raw, String.format(Locale.ROOT,
                    "no irrigation: depletion %.1f mm by tonight stays below the readily available %.1f mm", after, raw));
        }
        double net = Math.min(after, soil.totalAvailableWater());
        double gross = net / applicationEfficiency;
        return new IrrigationAdvice(net, gross, etc, now, after, raw, String.format(Locale.ROOT,
                "irrigate %.1f mm (%.1f mm net): depletion %.1f mm by tonight exceeds the readily available %.1f mm",
                gross, net, after, raw));
    }
}
