package io.agrisense.edge.sensor;

import static io.agrisense.protocol.MetricCatalogue.CONDUCTIVITY;

/**
 * Conductivity probe and transmitter. The transmitter's voltage maps to the conductivity at the water's temperature,
 * either through calibration points in standard solutions or through a gain and the cell constant
 * (EC = G * K, with G = V * siemens_per_volt and K in 1/cm, so EC[S/m] = V * siemens_per_volt * K * 100).
 * With a temperature the result is referred to 25 °C by the linear coefficient alpha
 * (EC25 = EC_T / (1 + alpha (T - 25)), ISO 7888 §8; alpha = 0.02/K for natural waters).
 */
public record ConductivityCalibration(PiecewiseLinear voltsToSiemensPerMetre, double alpha) implements ProbeCalibration {

    /** A transmitter with a fixed gain on a cell of known constant. */
    public static ConductivityCalibration ofCellConstant(double cellConstantPerCm, double siemensPerVolt, double alpha) {
        double perVolt = siemensPerVolt * cellConstantPerCm * 100.0;
        return new ConductivityCalibration(new PiecewiseLinear(new double[][] {{0, 0}, {1, perVolt}}), alpha);
    }

    /** Conductivity at 25 °C of a sample whose conductivity at {@code celsius} is {@code atTemperature}. */
    public static double at25(double atTemperature, double celsius, double alpha) {
        return atTemperature / (1 + alpha * (celsius - 25.0));
    }

    @Override
    public String metric() {
        return CONDUCTIVITY;
    }

    @Override
    public boolean usesTemperature() {
        return true;
    }

    @Override
    public double value(double volts, double celsius) {
        double atTemperature = Math.max(0.0, voltsToSiemensPerMetre.y(volts));
        return Double.isNaN(celsius) ? atTemperature : at25(atTemperature, celsius, alpha);
    }

    @Override
    public double volts(double siemensPerMetreAt25, double celsius) {
        double atTemperature = Double.isNaN(celsius) ? siemensPerMetreAt25
                : siemensPerMetreAt25 * (1 + alpha * (celsius - 25.0));
        return voltsToSiemensPerMetre.x(atTemperature);
    }
}
