package io.agrisense.platform.model.pest;

import java.util.Objects;

/**
 * A development stage with its own lower developmental threshold, upper threshold (horizontal cutoff, infinite
 * when the source gives none) and thermal constant: the degree-days above the threshold the stage takes.
 */
public record PestStage(String name, double lowerThreshold, double upperThreshold, double thermalConstant) {

    public PestStage {
        Objects.requireNonNull(name, "name");
        if (!(upperThreshold > lowerThreshold) || !(thermalConstant > 0)) {
            throw new IllegalArgumentException("stage '" + name + "' needs upper threshold (" + upperThreshold
                    + ") > lower (" + lowerThreshold + ") and a thermal constant > 0 (" + thermalConstant + ")");
        }
    }

    public static PestStage of(String name, double lowerThreshold, double thermalConstant) {
        return new PestStage(name, lowerThreshold, Double.POSITIVE_INFINITY, thermalConstant);
    }
}
