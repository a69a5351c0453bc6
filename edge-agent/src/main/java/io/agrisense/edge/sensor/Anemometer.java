package io.agrisense.edge.sensor;

import static io.agrisense.protocol.MetricCatalogue.WIND_SPEED;

import com.pi4j.context.Context;
import java.time.Duration;
import java.util.List;

/**
 * Cup anemometer with a reed switch closing once (or a few times) per revolution. A read returns the mean wind speed
 * over the time since the previous read: v = f * mps_per_hz + offset for f > 0, and 0 at standstill
 * (0.667 m/s per Hz, i.e. 2.4 km/h per Hz, for the common Misol/SparkFun anemometer).
 */
public final class Anemometer implements Sensor {

    public static final double DEFAULT_MPS_PER_HZ = 0.667;
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(2);

    private final String name;
    private final PulseInput input;
    private final double mpsPerHz;
    private final double offset;

    public Anemometer(String name, Context pi4j, int pin, boolean pullUp, double mpsPerHz, double offset,
                      Duration debounce, DeviceTiming timing) {
        this.name = name;
        this.mpsPerHz = mpsPerHz;
        this.offset = offset;
        this.input = new PulseInput(pi4j, "anemometer '" + name + "'", pin, pullUp, debounce.toNanos(), timing);
    }

    /** Mean wind speed for a pulse count over an interval. */
    public static double metresPerSecond(long pulses, double seconds, double mpsPerHz, double offset) {
        return pulses == 0 ? 0.0 : pulses / seconds * mpsPerHz + offset;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<SensorReading> read() throws SensorException {
        PulseCounter.Interval interval = input.drain();
        if (interval.nanos() <= 0) {
            throw new SensorException(input.label() + ": no time has passed since the previous read");
        }
        return List.of(new SensorReading(WIND_SPEED,
                metresPerSecond(interval.pulses(), interval.seconds(), mpsPerHz, offset)));
    }

    @Override
    public void close() {
        input.close();
    }
}
