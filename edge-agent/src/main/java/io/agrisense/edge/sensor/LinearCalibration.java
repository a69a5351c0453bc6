package io.agrisense.edge.sensor;

/**
 * Any transmitter with a voltage output proportional to its quantity (ammonia cell, leaf-wetness grid, level
 * transducer, battery divider): a straight line or polyline through calibration points, extended beyond them.
 */
public record LinearCalibration(String metric, PiecewiseLinear voltsToValue) implements ProbeCalibration {

    @Override
    public double value(double volts, double celsius) {
        return voltsToValue.y(volts);
    }

    @Override
    public double volts(double value, double celsius) {
        return voltsToValue.x(value);
    }
}
