package io.agrisense.edge.config;

import io.agrisense.edge.sensor.ActuatorSpec;
import io.agrisense.link.config.BufferConfig;
import io.agrisense.link.config.UplinkConfig;
import io.agrisense.link.localapi.LocalApiConfig;
import io.agrisense.link.uplink.Location;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.SenmlFormat;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A validated station YAML: who the station is, how it talks upstream, where it buffers, what it samples,
 * what it may switch, which edge rules protect it, where it stands ({@code location}, null when not given) and where
 * it serves its local /health and /metrics ({@code localApi}, null when off).
 * Built by {@link StationConfigLoader}.
 */
public record StationConfig(
        StationId stationId,
        String profile,
        String name,
        UplinkConfig uplink,
        SenmlFormat payloadFormat,
        BufferConfig buffer,
        List<SensorConfig> sensors,
        List<ActuatorSpec> actuators,
        List<RuleConfig> rules,
        Duration healthInterval,
        Location location,
        LocalApiConfig localApi,
        String source) {

    /** The station profiles (docs/architecture.md, "Station profiles"); simulation models one environment per profile. */
    public static final List<String> PROFILES = List.of(
            "greenhouse", "orchard", "tea_garden", "crayfish_pond", "livestock_barn", "air_quality", "river_water_quality");

    public StationConfig {
        sensors = List.copyOf(sensors);
        actuators = List.copyOf(actuators);
        rules = List.copyOf(rules);
    }

    public Optional<SensorConfig> sensor(String sensorName) {
        return sensors.stream().filter(s -> s.name().equals(sensorName)).findFirst();
    }

    public Optional<ActuatorSpec> actuator(String actuatorName) {
        return actuators.stream().filter(a -> a.name().equals(actuatorName)).findFirst();
    }

    /**
     * The same station pointed at another broker ({@code --broker}, {@code AGRI_MQTT_URL}): an MQTT uplink keeps
     * its credentials and client id; a CoAP station is switched only by a {@code coap://} or {@code coaps://} URL.
     */
    public StationConfig withUplinkUrl(String url) {
        return new StationConfig(stationId, profile, name, uplink.withUrl(url, stationId), payloadFormat, buffer,
                sensors, actuators, rules, healthInterval, location, localApi, source);
    }

    public StationConfig withBuffer(BufferConfig newBuffer) {
        return new StationConfig(stationId, profile, name, uplink, payloadFormat, newBuffer, sensors, actuators, rules,
                healthInterval, location, localApi, source);
    }
}
