package io.agrisense.edge.sensor;

import io.agrisense.protocol.MetricCatalogue;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The options of an {@code ads1115} sensor: which chip and channel, the gain, the probe kind with its calibration,
 * and where the temperature for compensation comes from. Parsed once, shared by the driver and the simulation.
 * The calibration map is {@code probe_calibration}; {@code calibration} is accepted too when a caller passes it
 * through (the station loader keeps that key for its per-metric scale/offset corrections).
 */
public record AnalogProbe(int bus, int address, int channel, Ads1115.Gain gain, String kind,
                          ProbeCalibration calibration, SpecOptions.OptionalNumber fixedCelsius,
                          Optional<String> temperatureSensor) {

    public static final List<String> KINDS =
            List.of("soil_moisture", "ph", "dissolved_oxygen", "conductivity", "turbidity", "linear");

    public static AnalogProbe parse(SensorSpec spec) {
        SpecOptions o = SpecOptions.of(spec);
        int bus = o.integer("bus", 1, 0, 31);
        int address = o.i2cAddress("address", Ads1115.DEFAULT_ADDRESS);
        if (address < 0x48 || address > 0x4B) {
            throw o.error("address", "must be 0x48..0x4B for an ADS1115, got " + I2cDevice.hex(address));
        }
        int channel = o.requireInteger("channel", 0, 3);
        Ads1115.Gain gain;
        try {
            gain = Ads1115.Gain.ofFullScale(o.number("gain", 4.096));
        } catch (IllegalArgumentException e) {
            throw o.error("gain", "is wrong: " + e.getMessage());
        }
        String kind = o.choice("probe", null, KINDS);
        ProbeCalibration calibration = calibration(kind, o);
        SpecOptions.OptionalNumber fixed = o.optionalNumber("temperature");
        Optional<String> temperatureSensor = o.optionalString("temperature_sensor");
        if ((fixed.present() || temperatureSensor.isPresent()) && !calibration.usesTemperature()) {
            throw o.error(fixed.present() ? "temperature" : "temperature_sensor",
                    "only applies to ph, dissolved_oxygen and conductivity probes");
        }
        if (temperatureSensor.isPresent() && temperatureSensor.get().equals(spec.name())) {
            throw o.error("temperature_sensor", "names this sensor itself");
        }
        return new AnalogProbe(bus, address, channel, gain, kind, calibration, fixed, temperatureSensor);
    }

    private static ProbeCalibration calibration(String kind, SpecOptions o) {
        if (o.has("calibration") && o.has("probe_calibration")) {
            throw o.error("calibration", "and 'probe_calibration' are both given; use probe_calibration only");
        }
        SpecOptions cal = o.child(o.spelling("probe_calibration", "calibration"));
        try {
            return switch (kind) {
                case "soil_moisture" -> new SoilMoistureCalibration(cal.requireNumber("dry"), cal.requireNumber("wet"));
                case "ph" -> new PhCalibration(curve(cal, "volts", "ph"), cal.number("temperature", 25.0),
                        cal.number("isopotential_ph", 7.0));
                case "dissolved_oxygen" -> dissolvedOxygen(cal);
                case "conductivity" -> conductivity(cal);
                case "turbidity" -> new TurbidityCalibration(curve(cal, "volts", "ntu"));
                case "linear" -> {
                    String metric = o.requireString("metric");
                    if (MetricCatalogue.lookup(metric).isEmpty()) {
                        throw o.error("metric", "is not a metric of the catalogue: '" + metric + "'");
                    }
                    yield new LinearCalibration(metric, curve(cal, "volts", "value"));
                }
                default -> throw o.error("probe", "is unknown: " + kind);
            };
        } catch (CurveException e) {
            throw cal.error(e.field, e.getMessage());
        }
    }

    private static ProbeCalibration dissolvedOxygen(SpecOptions cal) {
        List<SpecOptions> points = cal.children("points");
        if (points.isEmpty() || points.size() > 2) {
            throw cal.error("points", "needs one or two saturation points {temperature, volts}, got " + points.size());
        }
        double[] celsius = points.stream().mapToDouble(p -> p.requireNumber("temperature")).toArray();
        double[] volts = points.stream().mapToDouble(p -> p.requireNumber("volts")).toArray();
        try {
            return new DissolvedOxygenCalibration(celsius, volts);
        } catch (IllegalArgumentException e) {
            throw cal.error("points", "is wrong: " + e.getMessage());
        }
    }

    private static ProbeCalibration conductivity(SpecOptions cal) {
        double alpha = cal.number("alpha", 0.02);
        if (alpha < 0 || alpha > 0.1) {
            throw cal.error("alpha", "must be a temperature coefficient between 0 and 0.1 per K, got " + alpha);
        }
        if (cal.has("points")) {
            return new ConductivityCalibration(curve(cal, "volts", "conductivity"), alpha);
        }
        return ConductivityCalibration.ofCellConstant(cal.positiveNumber("cell_constant", 1.0),
                cal.positiveNumber("siemens_per_volt", Double.NaN), alpha);
    }

    private static PiecewiseLinear curve(SpecOptions cal, String input, String output) {
        List<SpecOptions> points = cal.children("points");
        ToDoubleFunction<SpecOptions> x = p -> p.requireNumber(input);
        ToDoubleFunction<SpecOptions> y = p -> p.requireNumber(output);
        double[][] xy = points.stream().map(p -> new double[] {x.applyAsDouble(p), y.applyAsDouble(p)})
                .toArray(double[][]::new);
        try {
            return new PiecewiseLinear(xy);
        } catch (IllegalArgumentException e) {
            throw new CurveException("points", "needs {" + input + ", " + output + "} points: " + e.getMessage());
        }
    }

    /** A curve problem reported against the calibration's field. */
    private static final class CurveException extends IllegalArgumentException {
        private final String field;

        CurveException(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
