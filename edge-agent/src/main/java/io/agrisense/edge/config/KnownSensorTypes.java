package io.agrisense.edge.config;

import java.util.Set;

/** The sensor types of the station drivers (kept in step with the drivers' DeviceFactory). */
final class KnownSensorTypes {

    static final Set<String> ALL = Set.of("bme280", "sht31", "bh1750", "scd41", "ads1115", "ds18b20", "pms5003",
            "rain_gauge", "anemometer", "cpu_temperature");

    private KnownSensorTypes() {
    }
}
