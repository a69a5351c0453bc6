package io.agrisense.protocol;

/**
 * One entry of the metric catalogue: canonical name, SenML unit and the range a working sensor can report.
 * A reading outside {@code [min, max]} is implausible and is stored as rejected, never silently dropped.
 */
public record Metric(String name, String unit, double min, double max, Origin origin, String description) {

    /** Where a series comes from. */
    public enum Origin {
        /** Read by a sensor on a station. */
        MEASURED,
        /** Computed by a model on the platform from measured series. */
        DERIVED,
        /** The agent's own health (queue depth, drops, sensor errors). */
        HEALTH
    }

    public boolean isPlausible(double value) {
        return Double.isFinite(value) && value >= min && value <= max;
    }

    /** Explains why a value is implausible, for the rejected-readings table; null when it is plausible. */
    public String implausibility(double value) {
        if (!Double.isFinite(value)) {
            return name + " value " + value + " is not a finite number";
        }
        if (value < min || value > max) {
            return name + " value " + value + " " + unitOrEmpty() + " is outside the plausible range " + min + ".." + max;
        }
        return null;
    }

    private String unitOrEmpty() {
        return unit == null ? "" : unit;
    }
}
