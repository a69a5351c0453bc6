package io.agrisense.edge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.edge.sensor.DeviceFactory;
import io.agrisense.edge.sensor.Sensor;
import io.agrisense.edge.sensor.SensorException;
import io.agrisense.edge.sensor.SensorReading;
import io.agrisense.edge.sensor.SensorSpec;
import io.agrisense.embedded.testkit.ManualClock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    @Test
    void sameSeedAndClockGiveTheSameReadingsThroughEveryDriver() throws SensorException {
        List<String> first = run(7);

        assertThat(run(7)).isEqualTo(first);
        assertThat(run(8)).isNotEqualTo(first);
    }

    private static List<String> run(long seed) throws SensorException {
        ManualClock clock = ManualClock.atLocal("2026-04-20T04:00:00", ZoneOffset.ofHours(8));
        List<String> trace = new ArrayList<>();
        try (SimulatedHardware hardware = SimulatedHardware.create("river_water_quality", seed, clock,
                TestStation.sensors(), TestStation.actuators())) {
            hardware.faults().spikes("air2", 0.3);
            DeviceFactory factory = new DeviceFactory(hardware);
            List<Sensor> sensors = new ArrayList<>();
            for (SensorSpec spec : TestStation.sensors()) {
                sensors.add(factory.sensor(spec));
            }
            for (int round = 0; round < 24; round++) {
                clock.advance(Duration.ofMinutes(10));
                for (Sensor sensor : sensors) {
                    for (SensorReading r : sensor.read()) {
                        trace.add(sensor.name() + " " + r.metric() + " " + r.value());
                    }
                }
            }
        }
        return trace;
    }
}
