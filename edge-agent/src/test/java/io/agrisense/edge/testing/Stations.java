package io.agrisense.edge.testing;

import io.agrisense.edge.config.StationConfig;
import io.agrisense.edge.config.StationConfigLoader;

/** Station YAML for tests, parsed by the real loader. */
public final class Stations {

    private Stations() {
    }

    /** A station with one sensor {@code level} reporting water_temperature (a counter under {@link TestDevices}). */
    public static StationConfig counter(String id, String brokerUrl, String interval, String extra) throws Exception {
        String yaml = """
                station_id: %s
                profile: river_water_quality
                uplink:
                  mqtt:
                    url: %s
                sensors:
                  - name: level
                    type: ds18b20
                    interval: %s
                    w1_id: 28-0316a2799aff
                %s
                """.formatted(id, brokerUrl, interval, extra);
        return StationConfigLoader.standard().parse(yaml, "test:" + id, null);
    }
}
