package io.agrisense.edge.sensor;

import static io.agrisense.protocol.MetricCatalogue.TURBIDITY;

import java.util.Locale;

/**
 * Optical turbidity probe: the voltage-to-NTU curve through formazin standards, linear between points and clamped to
 * the calibrated NTU range. A voltage more than 10 % of the span beyond the calibrated voltages is rejected (probe
 * unplugged, LED failed, or probe out of the water).
 */
public record TurbidityCalibration(PiecewiseLinear voltsToNtu) implements ProbeCalibration {

    @Override
    public String metric() {
        return TURBIDITY;
    }

    @Override
    public double value(double volts, double celsius) {
        double ntu = voltsToNtu.y(volts);
        return Math.max(voltsToNtu.minY(), Math.min(voltsToNtu.maxY(), ntu));
    }

    @Override
    public double volts(double ntu, double celsius) {
        return voltsToNtu.x(ntu);
    }

    @Override
    public String rangeProblem(double volts) {
        double margin = 0.1 * (voltsToNtu.maxX() - voltsToNtu.minX());
        if (volts < voltsToNtu.minX() - margin || volts > voltsToNtu.maxX() + margin) {
            return String.format(Locale.ROOT, "probe voltage %.3f V is outside the calibrated range %.3f..%.3f V",
                    volts, voltsToNtu.minX(), voltsToNtu.maxX());
        }
        return null;
    }
}
