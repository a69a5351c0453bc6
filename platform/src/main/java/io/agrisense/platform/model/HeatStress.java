package io.agrisense.platform.model;

/**
 * Livestock heat stress bands of the temperature-humidity index after Armstrong (1994, J. Dairy Sci.
 * 77:2044): below 72 none, 72-78 mild, 79-88 moderate, 89-98 severe, above 98 dangerous (dead cows).
 */
public enum HeatStress {
    NONE, MILD, MODERATE, SEVERE, DANGEROUS;

    public static HeatStress of(double thi) {
        if (thi < 72) {
            return NONE;
        }
        if (thi < 79) {
            return MILD;
        }
        if (thi < 89) {
            return MODERATE;
        }
        if (thi <= 98) {
            return SEVERE;
        }
        return DANGEROUS;
    }
}
