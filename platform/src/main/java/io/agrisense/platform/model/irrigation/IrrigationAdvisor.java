package io.agrisense.platform.model.irrigation;

import java.util.Locale;
import java.util.Objects;

/**
 * Daily irrigation recommendation from the FAO-56 root-zone water balance ({@link RootZoneBalance}): the day's
 * depletion starts from the soil moisture reading, or from yesterday's balance where there is no probe; the
 * day's crop evapotranspiration and effective rain move it; when it would pass the readily available water by
 * the end of the day the advice is to refill the root zone to field capacity.
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
     * @param et0             reference evapotranspiration for the day, mm
     * @param cropCoefficient Kc for the crop's current stage ({@link CropCoefficients#kc(int)})
     * @param rainfall        the day's rain, mm
     * @param soilMoisture    volumetric water content now, percent
     */
    public IrrigationAdvice advise(double et0, double cropCoefficient, double rainfall, double soilMoisture) {
        return decide(RootZoneBalance.step(soil, soil.depletion(soilMoisture), et0, cropCoefficient, rainfall, 0));
    }

    /** As {@link #advise} for a station without a probe: the day starts from yesterday's end depletion, mm. */
    public IrrigationAdvice adviseFromDepletion(double et0, double cropCoefficient, double rainfall, double depletion) {
        return decide(RootZoneBalance.step(soil, depletion, et0, cropCoefficient, rainfall, 0));
    }

    private IrrigationAdvice decide(RootZoneBalance.Day day) {
        double after = day.depletionEnd();
        double raw = day.readilyAvailable();
        if (after < raw) {
            return new IrrigationAdvice(0, 0, day, String.format(Locale.ROOT,
                    "no irrigation: depletion %.1f mm by tonight stays below the readily available %.1f mm", after, raw));
        }
        double gross = after / applicationEfficiency;
        return new IrrigationAdvice(after, gross, day, String.format(Locale.ROOT,
                "irrigate %.1f mm (%.1f mm net): depletion %.1f mm by tonight exceeds the readily available %.1f mm",
                gross, after, after, raw));
    }
}
