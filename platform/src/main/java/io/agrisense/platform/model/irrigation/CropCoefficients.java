package io.agrisense.platform.model.irrigation;

import java.util.List;
import java.util.Objects;

/**
 * A crop's water-use parameters from FAO Irrigation and Drainage Paper 56 (Allen et al. 1998): single crop
 * coefficients for the initial, mid-season and late stages (Table 12), the stage lengths (Table 11; null for an
 * evergreen crop kept at its mid-season value), the maximum crop height (Table 12), the maximum effective rooting
 * depth and the depletion fraction p for no stress at ETc of about 5 mm/day (Table 22).
 *
 * @param stageDays lengths of the initial, development, mid-season and late stages in days, or null
 */
public record CropCoefficients(String crop, double kcIni, double kcMid, double kcEnd, List<Integer> stageDays,
                               double height, double rootDepth, double depletionFraction) {

    /** Citrus, no ground cover, 70 % canopy: Kc 0.70/0.65/0.70, 60/90/120/95 days from January, 4 m; Zr 1.2-1.5 m, p 0.50. */
    public static final CropCoefficients CITRUS = new CropCoefficients("citrus, no ground cover, 70 % canopy",
            0.70, 0.65, 0.70, List.of(60, 90, 120, 95), 4, 1.2, 0.50);

    /** Citrus with active ground cover or weeds, 70 % canopy: Kc 0.75/0.70/0.75 (Table 12), Zr and p as above. */
    public static final CropCoefficients CITRUS_WITH_COVER = new CropCoefficients(
            "citrus, active ground cover, 70 % canopy", 0.75, 0.70, 0.75, List.of(60, 90, 120, 95), 4, 1.2, 0.50);

    /** Tea, non-shaded: Kc 0.95/1.00/1.00, 1.5 m; Zr 0.9-1.5 m, p 0.40; evergreen, kept at Kc mid. */
    public static final CropCoefficients TEA = new CropCoefficients("tea, non-shaded", 0.95, 1.00, 1.00, null, 1.5, 0.9, 0.40);

    /** Tea, shaded: Kc 1.10/1.15/1.15, 2 m; Zr 0.9-1.5 m, p 0.45. */
    public static final CropCoefficients TEA_SHADED = new CropCoefficients("tea, shaded", 1.10, 1.15, 1.15, null, 2, 0.9, 0.45);

    /** Tomato: Kc 0.60/1.15/0.80 (0.70-0.90), 30/40/45/30 days (Mediterranean, April-May), 0.6 m; Zr 0.7-1.5 m, p 0.40. */
    public static final CropCoefficients TOMATO = new CropCoefficients("tomato", 0.60, 1.15, 0.80, List.of(30, 40, 45, 30),
            0.6, 0.7, 0.40);

    /** Cabbage: Kc 0.70/1.05/0.95, 40/60/50/15 days (California desert, September), 0.4 m; Zr 0.5-0.8 m, p 0.45. */
    public static final CropCoefficients CABBAGE = new CropCoefficients("cabbage", 0.70, 1.05, 0.95, List.of(40, 60, 50, 15),
            0.4, 0.5, 0.45);

    public CropCoefficients {
        Objects.requireNonNull(crop, "crop");
        if (!(kcIni > 0 && kcMid > 0 && kcEnd > 0 && kcIni < 2 && kcMid < 2 && kcEnd < 2)
                || !(height > 0) || !(rootDepth > 0) || !(depletionFraction > 0 && depletionFraction < 1)) {
            throw new IllegalArgumentException("crop coefficients for " + crop + " out of range");
        }
        if (stageDays != null && (stageDays.size() != 4 || stageDays.stream().anyMatch(d -> d < 1))) {
            throw new IllegalArgumentException("crop " + crop + " needs four stage lengths of at least one day");
        }
        stageDays = stageDays == null ? null : List.copyOf(stageDays);
    }

    /**
     * Kc on day {@code day} of the season (day 1 the first), FAO-56 eq. 66: constant in the initial and mid-season
     * stages, linear between them in the development and late stages, Kc end after the season.
     */
    public double kc(int day) {
        if (stageDays == null) {
            return kcMid;
        }
        int ini = stageDays.get(0);
        int dev = ini + stageDays.get(1);
        int mid = dev + stageDays.get(2);
        int late = mid + stageDays.get(3);
        if (day <= ini) {
            return kcIni;
        }
        if (day <= dev) {
            return kcIni + (day - ini) / (double) stageDays.get(1) * (kcMid - kcIni); // FAO-56 eq. 66
        }
        if (day <= mid) {
            return kcMid;
        }
        if (day <= late) {
            return kcMid + (day - mid) / (double) stageDays.get(3) * (kcEnd - kcMid); // FAO-56 eq. 66
        }
        return kcEnd;
    }

    /**
     * The coefficients for a site's climate: Kc mid by eq. 62 and Kc end by eq. 65 (the same correction, applied
     * only when Kc end is 0.45 or more), with the mean daily wind at 2 m and the mean daily minimum humidity of the
     * stage.
     */
    public CropCoefficients adjustedForClimate(double windAt2m, double minimumHumidity) {
        double end = kcEnd >= 0.45 ? adjustForClimate(kcEnd, windAt2m, minimumHumidity, height) : kcEnd;
        return new CropCoefficients(crop, kcIni, adjustForClimate(kcMid, windAt2m, minimumHumidity, height), end,
                stageDays, height, rootDepth, depletionFraction);
    }

    /**
     * Kc mid adjusted to the climate, FAO-56 eq. 62: Kc + (0.04 (u2 - 2) - 0.004 (RHmin - 45)) (h / 3)^0.3, the
     * table values holding for a sub-humid climate with RHmin 45 % and u2 2 m/s. Inputs are clamped to the
     * equation's range (1..6 m/s, 20..80 %).
     */
    public static double adjustForClimate(double kcTable, double windAt2m, double minimumHumidity, double height) {
        double u2 = Math.max(1, Math.min(6, windAt2m));
        double rhMin = Math.max(20, Math.min(80, minimumHumidity));
        return kcTable + (0.04 * (u2 - 2) - 0.004 * (rhMin - 45)) * Math.pow(height / 3, 0.3);
    }
}
