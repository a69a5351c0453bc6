package io.agrisense.platform.model.irrigation;

/**
 * The root zone of a field, for the FAO-56 chapter 8 water balance.
 *
 * @param fieldCapacity     volumetric water content at field capacity, percent
 * @param wiltingPoint      volumetric water content at the wilting point, percent
 * @param rootDepth         effective rooting depth Zr, metres
 * @param depletionFraction share p of the total available water a crop uses before it is stressed (FAO-56 Table 22)
 */
public record SoilWater(double fieldCapacity, double wiltingPoint, double rootDepth, double depletionFraction) {

    public SoilWater {
        if (!(wiltingPoint >= 0 && wiltingPoint < fieldCapacity && fieldCapacity <= 100)) {
            throw new IllegalArgumentException("soil needs 0 <= wilting point (" + wiltingPoint
                    + " %) < field capacity (" + fieldCapacity + " %) <= 100");
        }
        if (!(rootDepth > 0) || !(depletionFraction > 0 && depletionFraction < 1)) {
            throw new IllegalArgumentException("root depth " + rootDepth + " m must be > 0 and depletion fraction "
                    + depletionFraction + " within (0, 1)");
        }
    }

    /** Total available water TAW in the root zone, mm. */
    public double totalAvailableWater() {
        return 1000 * (fieldCapacity - wiltingPoint) / 100 * rootDepth; // FAO-56 eq. 82
    }

    /** Readily available water RAW, mm: what can go before the crop is stressed. */
    public double readilyAvailableWater() {
        return depletionFraction * totalAvailableWater(); // FAO-56 eq. 83
    }

    /** Root-zone depletion Dr below field capacity at volumetric water content {@code soilMoisture} percent, mm. */
    public double depletion(double soilMoisture) {
        double dr = 1000 * (fieldCapacity - soilMoisture) / 100 * rootDepth; // FAO-56 chapter 8, Dr = 1000 (thetaFC - theta) Zr
        return Math.max(0, Math.min(dr, totalAvailableWater()));
    }
}
