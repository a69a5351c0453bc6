package io.agrisense.edge.sensor;

import static io.agrisense.protocol.MetricCatalogue.RAINFALL;

import com.pi4j.context.Context;
import java.time.Duration;
import java.util.List;

/**
 * Tipping-bucket rain gauge: every tip closes a reed switch once. A read returns the rainfall since the previous
 * read (0.2794 mm per tip for the common Misol/SparkFun gauge). A broken cable looks like no rain: pulse inputs
 * cannot tell the two apart.
 */
public final class RainGauge implements Sensor {

    public static final double DEFAULT_MM_PER_TIP = 0.2794;
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(25);

    private final String name;
    private final PulseInput input;
    private final double mmPerTip;

    public RainGauge(String name, Context pi4j, int pin, boolean pullUp, double mmPerTip, Duration debounce,
                     DeviceTiming timing) {
        this.name = name;
        this.mmPerTip = mmPerTip;
        this.input = new PulseInput(pi4j, "rain gauge '" + name + "'", pin, pullUp, debounce.toNanos(), timing);
    }

    /** Rainfall for a number of bucket tips. */
    public static double millimetres(long tips, double mmPerTip) {
        return tips * mmPerTip;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<SensorReading> read() throws SensorException {
        PulseCounter.Interval interval = input.drain();
        return List.of(new SensorReading(RAINFALL, millimetres(interval.pulses(), mmPerTip)));
    }

    @Override
    public void close() {
        input.close();
    }
}
