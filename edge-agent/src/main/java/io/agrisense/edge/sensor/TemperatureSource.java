package io.agrisense.edge.sensor;

/** Where a pH, DO or conductivity probe gets the water temperature for its compensation. */
@FunctionalInterface
public interface TemperatureSource {

    /** No temperature configured: the calibration then applies no compensation. */
    TemperatureSource NONE = () -> Double.NaN;

    /** Temperature in °C, or NaN when none is configured. */
    double celsius() throws SensorException;

    static TemperatureSource fixed(double celsius) {
        return () -> celsius;
    }
}
