package io.agrisense.edge.config;

import io.agrisense.config.Quantities;
import java.time.Duration;

/**
 * An edge rule: while {@code metric} (optionally from one {@code sensor}) is below/above {@code threshold} for
 * {@code forDuration}, switch {@code actuator} on for {@code onFor}, at most once per {@code minInterval}.
 */
public record RuleConfig(String name, String metric, String sensor, Comparison comparison, double threshold,
                         Duration forDuration, String actuator, Duration onFor, Duration minInterval) {

    public enum Comparison {
        BELOW("<"), ABOVE(">");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public boolean holds(double value, double threshold) {
            return this == BELOW ? value < threshold : value > threshold;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** "dissolved_oxygen < 3.0 for 2min -> aerator on 30min" */
    public String describe() {
        return metric + " " + comparison.symbol() + " " + threshold + " for " + Quantities.format(forDuration)
                + " -> " + actuator + " on " + Quantities.format(onFor);
    }
}
