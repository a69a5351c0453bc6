package io.agrisense.platform.model.air;

import java.util.OptionalDouble;

/** A concentration average: published when its data met the completeness rule, else withheld with the reason. */
public sealed interface Average permits Average.Published, Average.Withheld {

    /**
     * @param validValues the valid values it was computed from (hourly means, or 8-h means for a daily maximum)
     * @param note        an exception to the usual rule that applied, or empty
     */
    record Published(double value, int validValues, String note) implements Average {
    }

    record Withheld(String reason, int validValues, int requiredValues) implements Average {
    }

    default OptionalDouble optionalValue() {
        return this instanceof Published p ? OptionalDouble.of(p.value()) : OptionalDouble.empty();
    }
}
