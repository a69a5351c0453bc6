package io.agrisense.edge.sensor;

/**
 * Turns the voltage of an analog probe into its metric, and back (the simulation renders a modelled value into the
 * voltage the probe would put on the ADC). Pure functions, no I/O.
 */
public interface ProbeCalibration {

    /** Canonical metric name of the value. */
    String metric();

    /** Whether {@link #value} needs the water (or soil) temperature; a NaN temperature then means "not known". */
    default boolean usesTemperature() {
        return false;
    }

    /** The value for a probe voltage at a temperature in °C (ignored unless {@link #usesTemperature()}). */
    double value(double volts, double celsius);

    /** The probe voltage for a value at a temperature in °C: the inverse of {@link #value}. */
    double volts(double value, double celsius);

    /** Why a voltage cannot come from a working probe, or null when it can. */
    default String rangeProblem(double volts) {
        return null;
    }
}
