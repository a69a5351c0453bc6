package io.agrisense.edge.testing;

import io.agrisense.edge.app.Devices;
import io.agrisense.edge.sensor.Actuator;
import io.agrisense.edge.sensor.ActuatorSpec;
import io.agrisense.edge.sensor.DeviceFactory;
import io.agrisense.edge.sensor.Sensor;
import io.agrisense.edge.sensor.SensorException;
import io.agrisense.edge.sensor.SensorReading;
import io.agrisense.edge.sensor.SensorSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Devices for agent tests: every sensor reports the first metric its real driver would report (from the spec,
 * through {@link DeviceFactory#metrics}) with either a counter ({@code start}, start+1, ...) or a value the test
 * sets (NaN makes the sensor fail); relays remember their state.
 */
public final class TestDevices implements Devices {

    private final long start;

    public TestDevices(long start) {
        this.start = start;
    }

    public TestDevices() {
        this(1);
    }

    public final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    public final Map<String, Double> values = new ConcurrentHashMap<>();
    public final Map<String, TestRelay> relays = new ConcurrentHashMap<>();
    public volatile boolean closed;

    @Override
    public Sensor sensor(SensorSpec spec) {
        String metric = DeviceFactory.metrics(spec).get(0);
        AtomicLong counter = counters.computeIfAbsent(spec.name(), n -> new AtomicLong(start));
        return new Sensor() {
            @Override
            public String name() {
                return spec.name();
            }

            @Override
            public List<SensorReading> read() throws SensorException {
                Double set = values.get(spec.name());
                if (set != null && set.isNaN()) {
                    throw new SensorException(spec.name() + " disconnected");
                }
                return List.of(new SensorReading(metric, set != null ? set : counter.getAndIncrement()));
            }
        };
    }

    @Override
    public Actuator actuator(ActuatorSpec spec) {
        TestRelay relay = new TestRelay(spec.name());
        relays.put(spec.name(), relay);
        return relay;
    }

    @Override
    public Optional<Path> cpuThermalZone() {
        return Optional.empty();
    }

    @Override
    public void close() {
        closed = true;
    }

    public static final class TestRelay implements Actuator {
        private final String name;
        public volatile boolean on;
        public volatile boolean closed;
        public final List<Boolean> history = new java.util.concurrent.CopyOnWriteArrayList<>();
        public final List<Long> changedAtNanos = new java.util.concurrent.CopyOnWriteArrayList<>();

        TestRelay(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void set(boolean value) {
            on = value;
            history.add(value);
            changedAtNanos.add(System.nanoTime());
        }

        @Override
        public boolean isOn() {
            return on;
        }

        @Override
        public void close() {
            on = false;
            closed = true;
        }
    }
}
