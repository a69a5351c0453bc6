package io.agrisense.platform.model.irrigation;

/**
 * One day of the root-zone water balance of FAO-56 chapter 8 (Allen et al. 1998), depletion Dr in mm below
 * field capacity:
 * <ul>
 *   <li>ETc = Kc ET0 (eq. 56); p = p(Table 22) + 0.04 (5 - ETc), kept within 0.1..0.8 (Table 22 note);</li>
 *   <li>TAW = 1000 (thetaFC - thetaWP) Zr (eq. 82), RAW = p TAW (eq. 83);</li>
 *   <li>Ks = (TAW - Dr) / ((1 - p) TAW) once Dr passes RAW, else 1 (eq. 84), ETc adj = Ks Kc ET0 (eq. 81);</li>
 *   <li>Dr,i = Dr,i-1 - (P - RO) - I + ETc adj (eq. 85, no capillary rise), within 0..TAW (eqs. 86, 87); what
 *       would take it below 0 drains as deep percolation (eq. 88).</li>
 * </ul>
 * Rain under 0.2 ET0 is taken as evaporated from the surface and ignored (FAO-56 ch. 7); runoff RO is taken as
 * 0 for level fields.
 */
public final class RootZoneBalance {

    private RootZoneBalance() {
    }

    /**
     * @param depletionFraction p after the ETc adjustment
     * @param stressCoefficient Ks at the day's start depletion
     */
    public record Day(double et0, double kc, double cropEt, double depletionFraction, double totalAvailable,
                      double readilyAvailable, double stressCoefficient, double adjustedCropEt, double rainfall,
                      double effectiveRain, double irrigation, double deepPercolation, double depletionStart,
                      double depletionEnd) {
    }

    public static Day step(SoilWater soil, double depletionStart, double et0, double kc, double rainfall,
                           double irrigation) {
        if (!(et0 >= 0) || !(kc >= 0) || !(rainfall >= 0) || !(irrigation >= 0) || !(depletionStart >= 0)
                || Double.isInfinite(et0 + kc + rainfall + irrigation + depletionStart)) {
            throw new IllegalArgumentException("ET0, Kc, rain, irrigation and depletion must not be negative, got "
                    + et0 + ", " + kc + ", " + rainfall + ", " + irrigation + ", " + depletionStart);
        }
        double taw = soil.totalAvailableWater();
        double dr0 = Math.min(depletionStart, taw);
        double etc = kc * et0;
        double p = Math.max(0.1, Math.min(0.8, soil.depletionFraction() + 0.04 * (5 - etc))); // FAO-56 Table 22 note
        double raw = p * taw; // FAO-56 eq. 83
        double ks = dr0 > raw ? (taw - dr0) / ((1 - p) * taw) : 1; // FAO-56 eq. 84
        double etcAdj = ks * etc; // FAO-56 eq. 81
        double effectiveRain = rainfall >= 0.2 * et0 ? rainfall : 0;
        double balance = dr0 - effectiveRain - irrigation + etcAdj; // FAO-56 eq. 85
        double deepPercolation = Math.max(0, -balance); // FAO-56 eq. 88
        double dr = Math.max(0, Math.min(taw, balance)); // FAO-56 eqs. 86, 87
        return new Day(et0, kc, etc, p, taw, raw, ks, etcAdj, rainfall, effectiveRain, irrigation, deepPercolation, dr0, dr);
    }
}
