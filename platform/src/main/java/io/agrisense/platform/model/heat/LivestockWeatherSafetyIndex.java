package io.agrisense.platform.model.heat;

import io.agrisense.platform.model.warning.SignalLevel;
import java.util.Locale;
import java.util.Optional;

/**
 * The Livestock Weather Safety Index categories of the temperature-humidity index (Livestock Conservation
 * Institute 1970, adopted by the US National Weather Service in 1976), as used for feedlot cattle by Hahn,
 * Gaughan, Mader and Eigenberg (2009, Thermal indices and their applications for livestock environments, ASABE):
 * normal up to 74, alert 75-78, danger 79-83, emergency 84 and above. The classes are set on whole THI values;
 * a fractional THI belongs to the class whose lower bound it has reached (74.6 is still normal).
 */
public enum LivestockWeatherSafetyIndex {
    NORMAL(Double.NEGATIVE_INFINITY), ALERT(75), DANGER(79), EMERGENCY(84);

    private final double lowerBound;

    LivestockWeatherSafetyIndex(double lowerBound) {
        this.lowerBound = lowerBound;
    }

    public double lowerBound() {
        return lowerBound;
    }

    public static LivestockWeatherSafetyIndex of(double thi) {
        if (!Double.isFinite(thi)) {
            throw new IllegalArgumentException("THI " + thi + " is not a number");
        }
        LivestockWeatherSafetyIndex result = NORMAL;
        for (LivestockWeatherSafetyIndex c : values()) {
            if (thi >= c.lowerBound) {
                result = c;
            }
        }
        return result;
    }

    /** Our mapping onto the CMA colours: alert blue, danger yellow, emergency orange (red needs no recovery). */
    public Optional<SignalLevel> signal() {
        return switch (this) {
            case NORMAL -> Optional.empty();
            case ALERT -> Optional.of(SignalLevel.BLUE);
            case DANGER -> Optional.of(SignalLevel.YELLOW);
            case EMERGENCY -> Optional.of(SignalLevel.ORANGE);
        };
    }

    public LivestockWeatherSafetyIndex next() {
        return this == EMERGENCY ? EMERGENCY : values()[ordinal() + 1];
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
