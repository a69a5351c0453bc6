package io.agrisense.edge.sensor;

import static io.agrisense.protocol.MetricCatalogue.PH;

/**
 * Glass pH electrode behind an amplifier, calibrated in two or three buffers at one temperature. Between buffers the
 * response is linear (three buffers give separate acid and alkaline slopes). The electrode's slope is the Nernst slope,
 * proportional to absolute temperature, so a reading is compensated by scaling its distance from the isopotential
 * point (pH 7) with T_cal / T (IUPAC 2002 pH recommendations, §6).
 */
public record PhCalibration(PiecewiseLinear voltsToPh, double calibrationCelsius, double isopotentialPh)
        implements ProbeCalibration {

    /** R ln(10) / F in volts per kelvin (CODATA 2018 constants). */
    static final double NERNST_VOLTS_PER_KELVIN = Math.log(10) * 8.314462618 / 96485.33212;

    /** Theoretical electrode slope in volts per pH unit: 0.05916 V at 25 °C. */
    public static double nernstSlope(double celsius) {
        return NERNST_VOLTS_PER_KELVIN * (celsius + 273.15);
    }

    @Override
    public String metric() {
        return PH;
    }

    @Override
    public boolean usesTemperature() {
        return true;
    }

    @Override
    public double value(double volts, double celsius) {
        double atCalibration = voltsToPh.y(volts);
        if (Double.isNaN(celsius)) {
            return atCalibration;
        }
        return isopotentialPh + (atCalibration - isopotentialPh) * (calibrationCelsius + 273.15) / (celsius + 273.15);
    }

    @Override
    public double volts(double ph, double celsius) {
        double t = Double.isNaN(celsius) ? calibrationCelsius : celsius;
        double atCalibration = isopotentialPh + (ph - isopotentialPh) * (t + 273.15) / (calibrationCelsius + 273.15);
        return voltsToPh.x(atCalibration);
    }
}
