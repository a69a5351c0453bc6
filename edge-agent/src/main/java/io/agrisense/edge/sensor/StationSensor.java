package io.agrisense.edge.sensor;

import io.agrisense.protocol.MetricCatalogue;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the factory hands out: the driver, optionally limited to some of its metrics, remembering its last good
 * sample so a pH, DO or conductivity probe can take the water temperature from it.
 */
final class StationSensor implements Sensor {

    private static final Set<String> TEMPERATURES = Set.of(MetricCatalogue.WATER_TEMPERATURE,
            MetricCatalogue.SOIL_TEMPERATURE, MetricCatalogue.AIR_TEMPERATURE);

    private final Sensor driver;
    private final Set<String> reported;
    private final DeviceTiming timing;
    private final Consumer<StationSensor> onClose;
    private List<SensorReading> last;
    private long lastNanos;

    StationSensor(Sensor driver, Set<String> reported, DeviceTiming timing, Consumer<StationSensor> onClose) {
        this.driver = driver;
        this.reported = reported;
        this.timing = timing;
        this.onClose = onClose;
    }

    @Override
    public String name() {
        return driver.name();
    }

    @Override
    public List<SensorReading> read() throws SensorException {
        List<SensorReading> readings = driver.read();
        synchronized (this) {
            last = readings;
            lastNanos = timing.nanoTime();
        }
        return reported == null ? readings
                : readings.stream().filter(r -> reported.contains(r.metric())).toList();
    }

    /** A temperature from a sample at most {@code maxAgeNanos} old, reading the sensor again when there is none. */
    double recentTemperature(long maxAgeNanos) throws SensorException {
        List<SensorReading> readings;
        synchronized (this) {
            readings = last != null && timing.nanoTime() - lastNanos <= maxAgeNanos ? last : null;
        }
        if (readings == null) {
            read();
            synchronized (this) {
                readings = last;
            }
        }
        for (SensorReading r : readings) {
            if (TEMPERATURES.contains(r.metric())) {
                return r.value();
            }
        }
        throw new SensorException("sensor '" + name() + "' reports no temperature");
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            onClose.accept(this);
        }
    }
}
