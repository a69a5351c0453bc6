package io.agrisense.edge.sim;

import io.agrisense.edge.sensor.ActuatorSpec;
import io.agrisense.edge.sensor.SensorSpec;
import java.util.List;
import java.util.Map;

/** A station carrying one of every driver, as a station YAML would declare it. */
final class TestStation {

    private TestStation() {
    }

    static List<SensorSpec> sensors() {
        return List.of(
                new SensorSpec("air", "bme280", Map.of("address", "0x76")),
                new SensorSpec("air2", "sht31", Map.of()),
                new SensorSpec("light", "bh1750", Map.of()),
                new SensorSpec("co2", "scd41", Map.of()),
                new SensorSpec("water_temp", "ds18b20", Map.of("w1_id", "28-0316a2799aff")),
                new SensorSpec("soil_temp", "ds18b20", Map.of("w1_id", "28-00000a1b2c3d", "metric", "soil_temperature")),
                new SensorSpec("soil", "ads1115", Map.of("channel", 0, "probe", "soil_moisture",
                        "probe_calibration", Map.of("dry", 2.9, "wet", 1.3))),
                new SensorSpec("ph", "ads1115", Map.of("channel", 1, "probe", "ph", "temperature_sensor", "water_temp",
                        "probe_calibration", Map.of("points", List.of(Map.of("ph", 4.0, "volts", 3.03),
                                Map.of("ph", 7.0, "volts", 2.5), Map.of("ph", 10.0, "volts", 1.97))))),
                new SensorSpec("oxygen", "ads1115", Map.of("channel", 2, "probe", "dissolved_oxygen",
                        "temperature_sensor", "water_temp", "probe_calibration", Map.of("points", List.of(
                                Map.of("temperature", 25, "volts", 1.6), Map.of("temperature", 15, "volts", 1.3))))),
                new SensorSpec("ec", "ads1115", Map.of("address", "0x49", "channel", 0, "probe", "conductivity",
                        "temperature_sensor", "water_temp", "probe_calibration", Map.of("points", List.of(
                                Map.of("volts", 0.3, "conductivity", 0.1413), Map.of("volts", 1.9, "conductivity", 1.288))))),
                new SensorSpec("turbidity", "ads1115", Map.of("address", "0x49", "channel", 1, "probe", "turbidity",
                        "gain", 6.144, "probe_calibration", Map.of("points", List.of(
                                Map.of("volts", 4.0, "ntu", 0), Map.of("volts", 0.5, "ntu", 4000))))),
                new SensorSpec("ammonia", "ads1115", Map.of("address", "0x49", "channel", 2, "probe", "linear",
                        "metric", "nh3", "probe_calibration", Map.of("points", List.of(
                                Map.of("volts", 0.4, "value", 0), Map.of("volts", 2.0, "value", 100))))),
                new SensorSpec("dust", "pms5003", Map.of("device", "/dev/ttyAMA0")),
                new SensorSpec("rain", "rain_gauge", Map.of("pin", 17)),
                new SensorSpec("wind", "anemometer", Map.of("pin", 27)),
                new SensorSpec("cpu", "cpu_temperature", Map.of()));
    }

    static List<ActuatorSpec> actuators() {
        return List.of(
                new ActuatorSpec("pond_aerator", "relay", Map.of("pin", 22, "activeLow", true)),
                new ActuatorSpec("drip", "relay", Map.of("pin", 23, "load", "valve")),
                new ActuatorSpec("fan", "relay", Map.of("pin", 24)));
    }

    static SensorSpec sensor(String name) {
        return sensors().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
