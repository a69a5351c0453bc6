package io.agrisense.edge.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceFactoryTest {

    @TempDir
    Path w1;

    private final Context pi4j = Pi4J.newContextBuilder().noAutoDetect().build();
    private final DeviceFactory factory = new DeviceFactory(new Hardware() {
        @Override
        public Context pi4j() {
            return pi4j;
        }

        @Override
        public Path w1Devices() {
            return w1;
        }

        @Override
        public Optional<Path> cpuThermalZone() {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    });

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    @Test
    void knowsTheStationSensorTypes() {
        assertThat(DeviceFactory.sensorTypes()).containsExactly("ads1115", "anemometer", "bh1750", "bme280",
                "cpu_temperature", "ds18b20", "pms5003", "rain_gauge", "scd41", "sht31");
    }

    @Test
    void rejectsAnUnknownType() {
        assertThatThrownBy(() -> factory.sensor(new SensorSpec("air", "dht22", Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sensor 'air'").hasMessageContaining("'type' must be one of");
    }

    @Test
    void rejectsAMisspelledOptionInsteadOfSilentlyUsingTheDefault() {
        assertThatThrownBy(() -> factory.sensor(new SensorSpec("air", "bme280", Map.of("adress", "0x77"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sensor 'air' (bme280): option 'adress' is not an option of bme280; its options are "
                        + "[address, bus] and metrics");
    }

    @Test
    void acceptsAddressesAsNumbersOrHexStringsAndRejectsNonsense() {
        assertThat(factory.sensor(new SensorSpec("a", "bme280", Map.of("address", "0x77"))).name()).isEqualTo("a");
        assertThat(factory.sensor(new SensorSpec("b", "bme280", Map.of("address", 118))).name()).isEqualTo("b");
        assertThatThrownBy(() -> factory.sensor(new SensorSpec("c", "bme280", Map.of("address", "0xZZ"))))
                .hasMessage("sensor 'c' (bme280): option 'address' must be a whole number, got \"0xZZ\"");
        assertThatThrownBy(() -> factory.sensor(new SensorSpec("d", "sht31", Map.of("address", 0x80))))
                .hasMessageContaining("must be a 7-bit I2C address");
    }

    @Test
    void pulseSensorsNeedAPin() {
        assertThatThrownBy(() -> factory.sensor(new SensorSpec("rain", "rain_gauge", Map.of())))
                .hasMessage("sensor 'rain' (rain_gauge): option 'pin' is required");
        assertThatThrownBy(() -> factory.sensor(new SensorSpec("wind", "anemometer", Map.of("pin", 40))))
                .hasMessage("sensor 'wind' (anemometer): option 'pin' must be between 0 and 27, got 40");
    }

    @Test
    void analogProbeErrorsNameTheCalibrationField() {
        Map<String, Object> options = Map.of("channel", 1, "probe", "ph",
                "probe_calibration", Map.of("points", List.of(Map.of("ph", 7.0, "volts", 2.5), Map.of("ph", 4.0, "volts", "high"))));

        assertThatThrownBy(() -> factory.sensor(new SensorSpec("pond_ph", "ads1115", options)))
                .hasMessage("sensor 'pond_ph' (ads1115): option 'probe_calibration.points[1].volts' must be a number, "
                        + "got \"high\"");
    }

    @Test
    void analogProbeNeedsAKnownProbeKind() {
        assertThatThrownBy(() -> factory.sensor(new SensorSpec("x", "ads1115", Map.of("channel", 0, "probe", "orp"))))
                .hasMessageContaining("option 'probe' must be one of [soil_moisture, ph, dissolved_oxygen, "
                        + "conductivity, turbidity, linear]");
        assertThatThrownBy(() -> factory.sensor(new SensorSpec("x", "ads1115", Map.of("channel", 4, "probe", "ph"))))
                .hasMessageContaining("option 'channel' must be between 0 and 3");
    }

    @Test
    void ds18b20NeedsAWellFormedId() {
        assertThatThrownBy(() -> factory.sensor(new SensorSpec("water", "ds18b20", Map.of("w1_id", "10-123"))))
                .hasMessageContaining("option 'w1_id' must be a DS18B20 1-Wire id");
    }

    @Test
    void metricsOptionSelectsWhatIsReported() {
        SensorSpec spec = new SensorSpec("co2", "scd41", Map.of("metrics", List.of("co2")));

        assertThat(DeviceFactory.metrics(spec)).containsExactly("co2");
        assertThat(DeviceFactory.metrics(new SensorSpec("t", "ds18b20", Map.of("w1_id", "28-0316a2799aff",
                "metric", "soil_temperature")))).containsExactly("soil_temperature");
        assertThatThrownBy(() -> DeviceFactory.metrics(new SensorSpec("co2", "scd41", Map.of("metrics", List.of("pm2_5")))))
                .hasMessageContaining("lists 'pm2_5', which a scd41 does not report");
    }

    @Test
    void relaySpecIsValidated() {
        assertThatThrownBy(() -> factory.actuator(new ActuatorSpec("valve", "servo", Map.of("pin", 17))))
                .hasMessageContaining("'type' must be relay");
        assertThatThrownBy(() -> factory.actuator(new ActuatorSpec("valve", "relay", Map.of("pin", 17, "safeState", "open"))))
                .hasMessageContaining("option 'safeState' must be one of [off, on]");
        assertThat(DeviceFactory.safeStateOn(new ActuatorSpec("v", "relay", Map.of("safe_state", true)))).isTrue();
        assertThat(DeviceFactory.relayLoad(new ActuatorSpec("v", "relay", Map.of("load", "Aerator")))).isEqualTo("aerator");
    }

    @Test
    void aMissingChipFailsOnReadWithAClearMessageNotAtConstruction() {
        Sensor sensor = factory.sensor(new SensorSpec("air", "sht31", Map.of()));

        assertThatThrownBy(sensor::read).isInstanceOf(SensorException.class)
                .hasMessageContaining("SHT31 'air' on I2C bus 1 address 0x44");
    }

    @Test
    void aMissingThermalZoneIsASensorError() {
        Sensor cpu = factory.sensor(new SensorSpec("cpu", "cpu_temperature", Map.of()));

        assertThatThrownBy(cpu::read).isInstanceOf(SensorException.class).hasMessageContaining("no readable thermal zone");
    }

    @Test
    void aMissingOneWireDeviceIsReportedAsDisconnected() {
        Sensor probe = factory.sensor(new SensorSpec("water", "ds18b20", Map.of("w1_id", "28-0316a2799aff")));

        assertThatThrownBy(probe::read).isInstanceOf(SensorException.class)
                .hasMessageContaining("28-0316a2799aff").hasMessageContaining("disconnected");
    }
}
