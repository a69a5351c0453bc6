package io.agrisense.edge.sensor;

import java.util.List;

/** An analog probe on one channel of an ADS1115, turned into its metric by its calibration. */
final class AnalogProbeSensor implements Sensor {

    private final String name;
    private final AnalogProbe probe;
    private final Ads1115 adc;
    private final TemperatureSource temperature;

    /** The ADC is shared with the chip's other probes and closed by whoever shares it out. */
    AnalogProbeSensor(String name, AnalogProbe probe, Ads1115 adc, TemperatureSource temperature) {
        this.name = name;
        this.probe = probe;
        this.adc = adc;
        this.temperature = temperature;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<SensorReading> read() throws SensorException {
        double volts = adc.readVolts(probe.channel(), probe.gain());
        String problem = probe.calibration().rangeProblem(volts);
        if (problem != null) {
            throw new SensorException(probe.kind() + " probe '" + name + "' on " + adc.label() + " AIN"
                    + probe.channel() + ": " + problem);
        }
        double celsius = probe.calibration().usesTemperature() ? temperature.celsius() : Double.NaN;
        return List.of(new SensorReading(probe.calibration().metric(), probe.calibration().value(volts, celsius)));
    }
}
