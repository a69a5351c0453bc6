package io.agrisense.edge.sensor;

import static io.agrisense.protocol.MetricCatalogue.SOIL_MOISTURE;

import java.util.Locale;

/**
 * Capacitive soil-moisture probe, two-point calibration: the output voltage in dry soil (0 %) and in water-saturated
 * soil (100 %), linear in between and clamped to 0..100 %. A voltage more than 10 % of the span beyond either point
 * cannot come from a probe in soil (unplugged, cable broken, probe in air) and is rejected.
 */
public record SoilMoistureCalibration(double dryVolts, double wetVolts) implements ProbeCalibration {

    public SoilMoistureCalibration {
        if (dryVolts == wetVolts) {
            throw new IllegalArgumentException("dry and wet voltages must differ");
        }
    }

    @Override
    public String metric() {
        return SOIL_MOISTURE;
    }

    @Override
    public double value(double volts, double celsius) {
        double percent = 100.0 * (dryVolts - volts) / (dryVolts - wetVolts);
        return Math.max(0.0, Math.min(100.0, percent));
    }

    @Override
    public double volts(double percent, double celsius) {
        return dryVolts - percent / 100.0 * (dryVolts - wetVolts);
    }

    @Override
    public String rangeProblem(double volts) {
        double margin = 0.1 * Math.abs(dryVolts - wetVolts);
        double low = Math.min(dryVolts, wetVolts) - margin;
        double high = Math.max(dryVolts, wetVolts) + margin;
        if (volts < low || volts > high) {
            return String.format(Locale.ROOT, "probe voltage %.3f V is outside the calibrated range %.3f..%.3f V "
                    + "(dry %.3f V, wet %.3f V): probe unplugged, out of the soil or recalibration needed",
                    volts, low, high, dryVolts, wetVolts);
        }
        return null;
    }
}
