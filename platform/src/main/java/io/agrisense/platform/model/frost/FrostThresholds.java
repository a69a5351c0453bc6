package io.agrisense.platform.model.frost;

/**
 * Projected minimum air temperatures (degrees Celsius, at sensor height) at which frost risk becomes a
 * watch, a warning and critical. Leaves under a clear sky run 1-2 degrees colder than the air at 1.5 m, so
 * the defaults stay above 0 for the first two levels; tune per crop (citrus, tea buds).
 */
public record FrostThresholds(double watchAt, double warningAt, double criticalAt) {

    public static final FrostThresholds DEFAULT = new FrostThresholds(4.0, 2.0, 0.0);

    public FrostThresholds {
        if (!(watchAt > warningAt && warningAt > criticalAt)) {
            throw new IllegalArgumentException("frost thresholds must fall: watch " + watchAt + " > warning "
                    + warningAt + " > critical " + criticalAt);
        }
    }

    public FrostRisk.Level levelFor(double projectedMinimum) {
        if (projectedMinimum <= criticalAt) {
            return FrostRisk.Level.CRITICAL;
        }
        if (projectedMinimum <= warningAt) {
            return FrostRisk.Level.WARNING;
        }
        if (projectedMinimum <= watchAt) {
            return FrostRisk.Level.WATCH;
        }
        return FrostRisk.Level.NONE;
    }
}
