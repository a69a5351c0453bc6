package io.agrisense.platform.model.oxygen;

/**
 * Dissolved-oxygen levels (mg/L) below which a pond is in warning or critical condition.
 *
 * @param criticalBelow act now (aerator on): below this the stock dies within hours
 * @param warningBelow  growth and feeding suffer; watch the night's sag
 */
public record OxygenBands(double criticalBelow, double warningBelow) {

    /** Red swamp crayfish culture guidance: keep DO at 5 mg/L or more, never below 3 mg/L. */
    public static final OxygenBands CRAYFISH = new OxygenBands(3.0, 5.0);

    /** Warm-water pond fish (Boyd and Tucker 1998): below 5 mg/L growth slows, below 2 mg/L lethal within hours. */
    public static final OxygenBands WARMWATER_FISH = new OxygenBands(2.0, 5.0);

    public OxygenBands {
        if (!(criticalBelow > 0 && criticalBelow < warningBelow)) {
            throw new IllegalArgumentException("oxygen bands need 0 < critical (" + criticalBelow
                    + ") < warning (" + warningBelow + ")");
        }
    }

    public OxygenRisk.Level levelFor(double dissolvedOxygen) {
        if (dissolvedOxygen < criticalBelow) {
            return OxygenRisk.Level.CRITICAL;
        }
        if (dissolvedOxygen < warningBelow) {
            return OxygenRisk.Level.WARNING;
        }
        return OxygenRisk.Level.NONE;
    }
}
