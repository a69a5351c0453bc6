package io.agrisense.edge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agrisense.edge.sensor.DeviceFactory;
import io.agrisense.edge.sensor.Sensor;
import io.agrisense.edge.sensor.SensorException;
import io.agrisense.edge.sensor.SensorReading;
import io.agrisense.embedded.testkit.ManualClock;
import io.agrisense.protocol.MetricCatalogue;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private final ManualClock clock = ManualClock.atLocal("2026-07-01T11:00:00", ZoneOffset.ofHours(8));
    private final SimulatedHardware hardware = SimulatedHardware.create("crayfish_pond", 99, clock,
            TestStation.sensors(), TestStation.actuators());
    private final DeviceFactory factory = new DeviceFactory(hardware);

    @AfterEach
    void close() {
        hardware.close();
    }

    private Sensor sensor(String name) {
        return factory.sensor(TestStation.sensor(name));
    }

    @Test
    void disconnectedI2cChipsAreNotAcknowledgedAndComeBackWhenCleared() throws SensorException {
        for (String name : List.of("air", "air2", "light", "co2")) {
            Sensor sensor = sensor(name);
            hardware.faults().disconnect(name);
            assertThatThrownBy(sensor::read).as(name).isInstanceOf(SensorException.class)
                    .hasMessageContaining("'" + name + "'").hasMessageContaining("no acknowledge");
            hardware.faults().clear(name);
            clock.advance(Duration.ofSeconds(10));
            assertThat(sensor.read()).as(name).isNotEmpty();
        }
    }

    @Test
    void aDisconnectedOneWireProbeLosesItsSysfsDirectory() throws SensorException {
        Sensor water = sensor("water_temp");
        hardware.faults().disconnect("water_temp");

        assertThatThrownBy(water::read).isInstanceOf(SensorException.class)
                .hasMessageContaining("28-0316a2799aff").hasMessageContaining("not present");
        hardware.faults().clear("water_temp");
        assertThat(water.read()).hasSize(1);
    }

    @Test
    void aDisconnectedPms5003SendsNothing() {
        Sensor dust = sensor("dust");
        hardware.faults().disconnect("dust");

        assertThatThrownBy(dust::read).isInstanceOf(SensorException.class)
                .hasMessageContaining("no valid frame").hasMessageContaining("0 bytes received");
    }

    @Test
    void aDisconnectedAnalogProbeFloatsToFullScaleWhileItsNeighboursStillRead() throws SensorException {
        Sensor soil = sensor("soil");
        Sensor ph = sensor("ph");
        sensor("water_temp");
        hardware.faults().disconnect("soil");

        assertThatThrownBy(soil::read).isInstanceOf(SensorException.class)
                .hasMessageContaining("AIN0 is at full scale");
        assertThat(ph.read()).hasSize(1);
    }

    @Test
    void aPhProbeWithoutItsThermometerSaysWhy() {
        Sensor water = sensor("water_temp");
        Sensor ph = sensor("ph");
        hardware.faults().disconnect("water_temp");

        assertThatThrownBy(ph::read).isInstanceOf(SensorException.class)
                .hasMessageContaining("needs the water temperature from temperature_sensor 'water_temp'");
        water.close();
    }

    @Test
    void aDisconnectedThermalZoneAndAStillAnemometer() throws SensorException {
        Sensor cpu = sensor("cpu");
        Sensor wind = sensor("wind");
        hardware.faults().disconnect("cpu");
        hardware.faults().disconnect("wind");
        clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(cpu::read).isInstanceOf(SensorException.class).hasMessageContaining("no readable thermal zone");
        assertThat(wind.read()).containsExactly(new SensorReading("wind_speed", 0.0));
    }

    @Test
    void aStuckSensorRepeatsItselfWhileTheWorldMoves() throws SensorException {
        Sensor air = sensor("air");
        Sensor dust = sensor("dust");
        hardware.faults().stuck("air");
        hardware.faults().stuck("dust");
        List<SensorReading> first = air.read();
        List<SensorReading> firstDust = dust.read();
        double temperature = hardware.environment().now().airTemperature();

        clock.advance(Duration.ofHours(3));

        assertThat(hardware.environment().now().airTemperature()).isNotCloseTo(temperature,
                org.assertj.core.api.Assertions.within(0.1));
        assertThat(air.read()).isEqualTo(first);
        assertThat(dust.read()).isEqualTo(firstDust);
        hardware.faults().clear("air");
        assertThat(air.read()).isNotEqualTo(first);
    }

    @Test
    void spikesAreImplausibleRawValuesOrFailedReads() {
        for (String name : List.of("air", "air2", "co2", "water_temp", "dust", "cpu", "wind", "ph", "turbidity", "light")) {
            Sensor sensor = sensor(name);
            hardware.faults().spikes(name, 1.0);
            clock.advance(Duration.ofSeconds(30));
            try {
                List<SensorReading> readings = sensor.read();
                assertThat(readings).as(name + " " + readings)
                        .anyMatch(r -> !MetricCatalogue.require(r.metric()).isPlausible(r.value()));
            } catch (SensorException e) {
                assertThat(e.getMessage()).as(name).containsAnyOf("saturated", "outside the calibrated range", "full scale");
            }
        }
    }

    @Test
    void occasionalSpikesLeaveTheOtherSamplesAlone() throws SensorException {
        Sensor air = sensor("air2");
        hardware.faults().spikes("air2", 0.2);
        int spikes = 0;
        for (int i = 0; i < 200; i++) {
            clock.advance(Duration.ofSeconds(30));
            double t = air.read().get(0).value();
            if (t > 85) {
                spikes++;
            } else {
                assertThat(t).isCloseTo(hardware.environment().now().airTemperature(),
                        org.assertj.core.api.Assertions.within(0.003));
            }
        }
        assertThat(spikes).isBetween(20, 60);
    }

    @Test
    void faultsNameOnlyKnownSensors() {
        assertThatThrownBy(() -> hardware.faults().disconnect("nope"))
                .hasMessageContaining("no simulated sensor named 'nope'");
        assertThatThrownBy(() -> hardware.faults().spikes("air", 1.5)).hasMessageContaining("between 0 and 1");
    }
}
