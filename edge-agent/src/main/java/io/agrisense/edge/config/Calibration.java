package io.agrisense.edge.config;

/**
 * A correction applied by the agent to one metric of a sensor, for what the driver does not do itself:
 * the value is first converted from {@code fromUnit} (when set) to the catalogue unit, then
 * {@code value * scale + offset} (a field two-point calibration, or a known sensor offset).
 */
public record Calibration(double scale, double offset, String fromUnit) {

    public static final Calibration IDENTITY = new Calibration(1.0, 0.0, null);
}
