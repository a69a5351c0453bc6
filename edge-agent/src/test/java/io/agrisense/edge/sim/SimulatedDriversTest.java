package io.agrisense.edge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.edge.sensor.Actuator;
import io.agrisense.edge.sensor.DeviceFactory;
import io.agrisense.edge.sensor.Sensor;
import io.agrisense.edge.sensor.SensorException;
import io.agrisense.edge.sensor.SensorReading;
import io.agrisense.embedded.testkit.ManualClock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real drivers read the modelled values back through the simulated devices, within each sensor's resolution. */
class SimulatedDriversTest {

    private final ManualClock clock = ManualClock.atLocal("2026-07-01T11:00:00", ZoneOffset.ofHours(8));
    private final SimulatedHardware hardware = SimulatedHardware.create("crayfish_pond", 2026, clock,
            TestStation.sensors(), TestStation.actuators());
    private final DeviceFactory factory = new DeviceFactory(hardware);

    @AfterEach
    void close() {
        hardware.close();
    }

    private double read(String sensor, String metric) throws SensorException {
        return value(factory.sensor(TestStation.sensor(sensor)).read(), metric);
    }

    private static double value(List<SensorReading> readings, String metric) {
        return readings.stream().filter(r -> r.metric().equals(metric)).findFirst().orElseThrow().value();
    }

    private Conditions model() {
        return hardware.environment().now();
    }

    @Test
    void bme280() throws SensorException {
        List<SensorReading> r = factory.sensor(TestStation.sensor("air")).read();

        assertThat(value(r, "air_temperature")).isCloseTo(model().airTemperature(), within(0.01));
        assertThat(value(r, "relative_humidity")).isCloseTo(model().relativeHumidity(), within(0.01));
        assertThat(value(r, "air_pressure")).isCloseTo(model().airPressure(), within(0.5));
    }

    @Test
    void sht31() throws SensorException {
        List<SensorReading> r = factory.sensor(TestStation.sensor("air2")).read();

        assertThat(value(r, "air_temperature")).isCloseTo(model().airTemperature(), within(0.003));
        assertThat(value(r, "relative_humidity")).isCloseTo(model().relativeHumidity(), within(0.002));
    }

    @Test
    void bh1750RangesUpInFullSun() throws SensorException {
        double lux = read("light", "illuminance");

        assertThat(model().illuminance()).isGreaterThan(54612); // beyond the default measurement time's range
        assertThat(lux).isCloseTo(model().illuminance(), within(1.0));
    }

    @Test
    void bh1750AtDusk() throws SensorException {
        clock.advance(Duration.ofHours(7)); // 18:00
        assertThat(read("light", "illuminance")).isCloseTo(model().illuminance(), within(0.5));
    }

    @Test
    void scd41() throws SensorException {
        List<SensorReading> r = factory.sensor(TestStation.sensor("co2")).read();

        assertThat(value(r, "co2")).isCloseTo(model().co2(), within(0.5));
        assertThat(value(r, "air_temperature")).isCloseTo(model().airTemperature(), within(0.003));
        assertThat(value(r, "relative_humidity")).isCloseTo(model().relativeHumidity(), within(0.002));
    }

    @Test
    void scd41KeepsDeliveringAfterTheFirstSample() throws SensorException {
        Sensor co2 = factory.sensor(TestStation.sensor("co2"));
        co2.read();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(30));
            assertThat(value(co2.read(), "co2")).isCloseTo(model().co2(), within(0.5));
        }
    }

    @Test
    void ds18b20() throws SensorException {
        assertThat(read("water_temp", "water_temperature")).isCloseTo(model().waterTemperature(), within(1 / 32.0));
        assertThat(read("soil_temp", "soil_temperature")).isCloseTo(model().soilTemperature(), within(1 / 32.0));
    }

    @Test
    void soilMoistureProbe() throws SensorException {
        assertThat(read("soil", "soil_moisture")).isCloseTo(model().soilMoisture(), within(0.01));
    }

    @Test
    void phProbeCompensatedWithTheWaterTemperature() throws SensorException {
        factory.sensor(TestStation.sensor("water_temp"));

        assertThat(read("ph", "ph")).isCloseTo(model().ph(), within(0.002));
    }

    @Test
    void dissolvedOxygenProbe() throws SensorException {
        factory.sensor(TestStation.sensor("water_temp"));

        assertThat(read("oxygen", "dissolved_oxygen")).isCloseTo(model().dissolvedOxygen(), within(0.02));
    }

    @Test
    void conductivityProbeReferredTo25Celsius() throws SensorException {
        factory.sensor(TestStation.sensor("water_temp"));

        assertThat(read("ec", "conductivity")).isCloseTo(model().conductivity(), within(2e-4));
    }

    @Test
    void turbidityAndLinearProbes() throws SensorException {
        assertThat(read("turbidity", "turbidity")).isCloseTo(model().turbidity(), within(0.25));
        assertThat(read("ammonia", "nh3")).isCloseTo(model().nh3(), within(0.01));
    }

    @Test
    void pms5003() throws SensorException {
        Sensor dust = factory.sensor(TestStation.sensor("dust"));
        for (int i = 0; i < 3; i++) {
            List<SensorReading> r = dust.read();
            assertThat(value(r, "pm2_5")).isCloseTo(model().pm25(), within(0.5));
            assertThat(value(r, "pm1_0")).isCloseTo(model().pm1(), within(0.5));
            assertThat(value(r, "pm10")).isCloseTo(model().pm10(), within(0.5));
            clock.advance(Duration.ofSeconds(40));
        }
    }

    @Test
    void cpuTemperature() throws SensorException {
        assertThat(read("cpu", "cpu_temperature")).isCloseTo(model().cpuTemperature(), within(0.0005));
    }

    @Test
    void rainGaugeCountsEveryFullBucket() throws SensorException {
        ManualClock rainy = ManualClock.atLocal("2026-05-01T00:00:00", ZoneOffset.ofHours(8));
        try (SimulatedHardware tea = SimulatedHardware.create("tea_garden", 11, rainy, TestStation.sensors(), List.of())) {
            Sensor gauge = new DeviceFactory(tea).sensor(TestStation.sensor("rain"));
            double start = tea.environment().now().rainTotal();
            double counted = 0;
            for (int hour = 0; hour < 24 * 14; hour++) {
                rainy.advance(Duration.ofHours(1));
                counted += value(gauge.read(), "rainfall");
                double fallen = tea.environment().now().rainTotal() - start;
                assertThat(fallen - counted).as("hour %d", hour).isBetween(-1e-9, 0.2794);
            }
            assertThat(counted).isGreaterThan(5.0); // it did rain, through bouncing reed contacts
        }
    }

    @Test
    void withoutDebounceTheContactBounceIsCountedAsExtraTips() throws SensorException {
        ManualClock rainy = ManualClock.atLocal("2026-05-01T00:00:00", ZoneOffset.ofHours(8));
        java.util.Map<String, Object> noDebounce = java.util.Map.of("pin", 17, "debounce_ms", 0.1);
        io.agrisense.edge.sensor.SensorSpec spec = new io.agrisense.edge.sensor.SensorSpec("rain", "rain_gauge", noDebounce);
        try (SimulatedHardware tea = SimulatedHardware.create("tea_garden", 11, rainy, List.of(spec), List.of())) {
            Sensor gauge = new DeviceFactory(tea).sensor(spec);
            double start = tea.environment().now().rainTotal();
            double counted = 0;
            for (int hour = 0; hour < 24 * 14; hour++) {
                rainy.advance(Duration.ofHours(1));
                counted += value(gauge.read(), "rainfall");
            }
            double fallen = tea.environment().now().rainTotal() - start;
            assertThat(counted).isCloseTo(3 * fallen, within(3 * 0.2794)); // close, close-bounce, open-bounce
        }
    }

    @Test
    void anemometerReportsTheMeanWindOfEachInterval() throws SensorException {
        Sensor wind = factory.sensor(TestStation.sensor("wind"));
        for (int minute = 0; minute < 30; minute++) {
            java.time.Instant from = clock.instant();
            clock.advance(Duration.ofSeconds(60));
            double mean = 0;
            for (int i = 0; i < 12; i++) {
                mean += hardware.environment().windSpeedAt(from.plusMillis(2500 + 5000L * i)) / 12;
            }
            assertThat(value(wind.read(), "wind_speed")).as("minute %d", minute).isCloseTo(mean, within(0.02));
        }
    }

    @Test
    void relaysDriveTheModelThroughTheirPins() {
        try (Actuator aerator = factory.actuator(TestStation.actuators().get(0));
             Actuator drip = factory.actuator(TestStation.actuators().get(1))) {
            assertThat(hardware.environment().isOn(Load.AERATOR)).isFalse();

            aerator.set(true);
            drip.set(true);
            assertThat(aerator.isOn()).isTrue();
            assertThat(hardware.environment().isOn(Load.AERATOR)).isTrue();
            assertThat(hardware.environment().isOn(Load.VALVE)).isTrue();
            assertThat(((com.pi4j.io.gpio.digital.DigitalOutput) hardware.pi4j().registry().all().values().stream()
                    .filter(io -> io instanceof com.pi4j.io.gpio.digital.DigitalOutput d && d.address().intValue() == 22)
                    .findFirst().orElseThrow()).isLow()).as("active-low aerator relay is driven low").isTrue();

            drip.set(false);
            assertThat(hardware.environment().isOn(Load.VALVE)).isFalse();
        }
        assertThat(hardware.environment().isOn(Load.AERATOR)).as("closed relays return to the safe state").isFalse();
    }

    @Test
    void aRelayWhoseSafeStateIsOnStartsOnAndReturnsThere() {
        io.agrisense.edge.sensor.ActuatorSpec vent = new io.agrisense.edge.sensor.ActuatorSpec("fan", "relay",
                java.util.Map.of("pin", 24, "safeState", "on"));
        Actuator fan = factory.actuator(vent);
        assertThat(fan.isOn()).isTrue();
        assertThat(hardware.environment().isOn(Load.FAN)).isTrue();

        fan.set(false);
        assertThat(hardware.environment().isOn(Load.FAN)).isFalse();
        fan.close();
        assertThat(fan.isOn()).isTrue();
        assertThat(hardware.environment().isOn(Load.FAN)).isTrue();
    }

    @Test
    void aeratorRelayLiftsTheMeasuredOxygenAtNight() throws SensorException {
        clock.advance(Duration.ofHours(15)); // 02:00
        factory.sensor(TestStation.sensor("water_temp"));
        Sensor oxygen = factory.sensor(TestStation.sensor("oxygen"));
        double before = value(oxygen.read(), "dissolved_oxygen");
        try (Actuator aerator = factory.actuator(TestStation.actuators().get(0))) {
            aerator.set(true);
            clock.advance(Duration.ofMinutes(45));
            assertThat(value(oxygen.read(), "dissolved_oxygen")).isGreaterThan(before + 0.5);
        }
    }
}
