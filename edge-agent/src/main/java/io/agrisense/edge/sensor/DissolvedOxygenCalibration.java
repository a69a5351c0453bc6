package io.agrisense.edge.sensor;

import static io.agrisense.protocol.MetricCatalogue.DISSOLVED_OXYGEN;

/**
 * Galvanic dissolved-oxygen probe: the output voltage is proportional to the oxygen partial pressure, so
 * DO = V / V_sat(T) * DO_sat(T), with V_sat the voltage in air-saturated water. V_sat is calibrated at one
 * temperature, or at two and interpolated linearly (the membrane's permeability rises with temperature).
 */
public record DissolvedOxygenCalibration(double[] celsius, double[] saturationVolts) implements ProbeCalibration {

    public DissolvedOxygenCalibration {
        if (celsius.length != saturationVolts.length || celsius.length < 1 || celsius.length > 2) {
            throw new IllegalArgumentException("needs one or two saturation points");
        }
        if (celsius.length == 2 && celsius[0] == celsius[1]) {
            throw new IllegalArgumentException("the two saturation points need different temperatures");
        }
        for (double v : saturationVolts) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("saturation voltage must be greater than 0");
            }
        }
    }

    /**
     * Oxygen solubility in fresh water in equilibrium with air at 1 atm, mg/L (Benson and Krause 1984, the equation
     * used by APHA Standard Methods 4500-O and the USGS DO tables).
     */
    public static double saturationMgPerL(double celsius) {
        double t = celsius + 273.15;
        double ln = -139.34411 + 1.575701e5 / t - 6.642308e7 / (t * t) + 1.243800e10 / (t * t * t)
                - 8.621949e11 / (t * t * t * t);
        return Math.exp(ln);
    }

    /** Probe voltage in air-saturated water at a temperature. */
    public double saturationVoltsAt(double temperature) {
        if (celsius.length == 1 || Double.isNaN(temperature)) {
            return saturationVolts[0];
        }
        return saturationVolts[0] + (temperature - celsius[0]) * (saturationVolts[1] - saturationVolts[0])
                / (celsius[1] - celsius[0]);
    }

    @Override
    public String metric() {
        return DISSOLVED_OXYGEN;
    }

    @Override
    public boolean usesTemperature() {
        return true;
    }

    @Override
    public double value(double volts, double temperature) {
        double t = Double.isNaN(temperature) ? celsius[0] : temperature;
        return volts / saturationVoltsAt(t) * saturationMgPerL(t);
    }

    @Override
    public double volts(double mgPerL, double temperature) {
        double t = Double.isNaN(temperature) ? celsius[0] : temperature;
        return mgPerL / saturationMgPerL(t) * saturationVoltsAt(t);
    }
}
