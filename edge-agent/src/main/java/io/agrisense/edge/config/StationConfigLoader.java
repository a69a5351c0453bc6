package io.agrisense.edge.config;

import io.agrisense.config.ConfigException;
import io.agrisense.config.ConfigNode;
import io.agrisense.config.Wording;
import io.agrisense.edge.sampling.UnitConversion;
import io.agrisense.edge.sensor.ActuatorSpec;
import io.agrisense.edge.sensor.DeviceFactory;
import io.agrisense.edge.sensor.SensorSpec;
import io.agrisense.link.config.BufferConfig;
import io.agrisense.link.config.BufferSection;
import io.agrisense.link.config.LocalApiSection;
import io.agrisense.link.config.UplinkConfig;
import io.agrisense.link.config.UplinkSection;
import io.agrisense.link.uplink.Location;
import io.agrisense.protocol.Metric;
import io.agrisense.protocol.MetricCatalogue;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.SenmlFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a station YAML into a validated {@link StationConfig}. Every problem is a {@link ConfigException} naming
 * the file, the field path and what is wrong; nothing is half-loaded. The stations bundled in the jar (one per
 * profile, under {@code firmware-configs/}) are listed by {@link #bundledNames()} and read by {@link #loadBundled}.
 */
public final class StationConfigLoader {

    public static final String BUNDLED_FOLDER = "firmware-configs";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,47}");
    private static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    /** The agent's local /health and /metrics, when {@code local_api} is given without a port. */
    public static final int DEFAULT_LOCAL_API_PORT = 9101;

    private static final Set<String> TOP_KEYS = Set.of("station_id", "profile", "name", "uplink", "payload_format",
            "buffer", "sensors", "actuators", "rules", "health", "location", "local_api");
    private static final Set<String> SENSOR_RUNTIME_KEYS = Set.of("name", "type", "interval", "calibration");
    private static final Set<String> ACTUATOR_TYPES = Set.of("relay");

    private final Set<String> sensorTypes;

    /** A loader that accepts the given sensor types (the drivers' {@code DeviceFactory.sensorTypes()}). */
    public StationConfigLoader(Set<String> sensorTypes) {
        this.sensorTypes = Set.copyOf(sensorTypes);
    }

    /** A loader for the sensor types the agent's drivers know. */
    public static StationConfigLoader standard() {
        return new StationConfigLoader(DeviceFactory.sensorTypes());
    }

    public StationConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot read the file: " + e.getMessage());
        }
        return parse(text, file.toString(), file.toAbsolutePath().getParent());
    }

    /** The names (profile names) of the station YAML files bundled in the jar. */
    public static List<String> bundledNames() {
        List<String> names = new ArrayList<>();
        for (String profile : StationConfig.PROFILES) {
            if (StationConfigLoader.class.getClassLoader().getResource(BUNDLED_FOLDER + "/" + profile + ".yaml") != null) {
                names.add(profile);
            }
        }
        return names;
    }

    public StationConfig loadBundled(String name) throws ConfigException {
        String resource = BUNDLED_FOLDER + "/" + name + ".yaml";
        try (InputStream in = StationConfigLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException("classpath:" + resource, "", "no bundled station named '" + name
                        + "'; bundled: " + bundledNames());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + resource, null);
        } catch (IOException e) {
            throw new ConfigException("classpath:" + resource, "", "cannot read: " + e.getMessage());
        }
    }

    /** Parses YAML text; {@code baseDir} resolves relative file paths (CA file, buffer dir), null for the classpath. */
    public StationConfig parse(String yaml, String source, Path baseDir) throws ConfigException {
        ConfigNode top = ConfigNode.parse(yaml, source, Wording.FIELD);
        top.onlyKeys(TOP_KEYS);

        String id = top.string("station_id");
        if (!StationId.isValid(id)) {
            throw top.problemAt("station_id", "'" + id + "' must be 1-64 characters of A-Z a-z 0-9 _ -");
        }
        String profile = top.string("profile");
        if (!StationConfig.PROFILES.contains(profile)) {
            throw top.problemAt("profile", "'" + profile + "' is not a station profile; expected one of " + StationConfig.PROFILES);
        }
        String name = top.text("name", id);
        StationId stationId = new StationId(id);
        UplinkConfig uplink = UplinkSection.read(top.object("uplink"), stationId, baseDir);
        SenmlFormat format = top.choice("payload_format", SenmlFormat.class,
                uplink.isMqtt() ? SenmlFormat.JSON : SenmlFormat.CBOR);
        BufferConfig buffer = BufferSection.read(top.section("buffer"), baseDir, null, BufferConfig.DEFAULT_MAX_BYTES, 16 * 1024);
        Map<String, List<String>> metricsBySensor = new LinkedHashMap<>();
        List<SensorConfig> sensors;
        List<ActuatorSpec> actuators;
        try (DriverCheck drivers = new DriverCheck()) {
            sensors = sensors(top, drivers, metricsBySensor);
            actuators = actuators(top, drivers);
        }
        List<RuleConfig> rules = rules(top, metricsBySensor, actuators);
        Duration health = Duration.ofSeconds(60);
        if (top.has("health")) {
            ConfigNode h = top.object("health");
            h.onlyKeys("interval");
            health = h.duration("interval", health, Duration.ofSeconds(1));
        }
        return new StationConfig(stationId, profile, name, uplink, format, buffer, sensors, actuators, rules, health,
                location(top), LocalApiSection.read(top, false, DEFAULT_LOCAL_API_PORT), source);
    }

    private static Location location(ConfigNode top) throws ConfigException {
        if (!top.has("location")) {
            return null;
        }
        ConfigNode l = top.object("location");
        l.onlyKeys("latitude", "longitude", "elevation");
        double latitude = l.number("latitude");
        if (!(latitude >= -90 && latitude <= 90)) {
            throw l.problemAt("latitude", latitude + " must be within -90..90 (decimal degrees, north positive)");
        }
        double longitude = l.number("longitude");
        if (!(longitude >= -180 && longitude <= 180)) {
            throw l.problemAt("longitude", longitude + " must be within -180..180 (decimal degrees, east positive)");
        }
        double elevation = l.number("elevation", 0);
        if (!(elevation >= -500 && elevation <= 9000)) {
            throw l.problemAt("elevation", elevation + " must be within -500..9000 (metres above sea level)");
        }
        return new Location(latitude, longitude, elevation);
    }

    private List<SensorConfig> sensors(ConfigNode top, DriverCheck drivers, Map<String, List<String>> metricsBySensor)
            throws ConfigException {
        List<ConfigNode> items = top.list("sensors");
        if (items.isEmpty()) {
            throw top.problemAt("sensors", "must list at least one sensor");
        }
        List<SensorConfig> sensors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode s : items) {
            String name = checkedName(s, names);
            String type = s.string("type");
            if (!sensorTypes.contains(type)) {
                throw s.problemAt("type", "unknown sensor type '" + type + "'; known types: " + sorted(sensorTypes));
            }
            Duration interval = s.duration("interval", null, MIN_INTERVAL);
            Map<String, Object> options = s.remainingAsOptions(SENSOR_RUNTIME_KEYS);
            List<String> metrics;
            try {
                metrics = drivers.sensor(new SensorSpec(name, type, options));
            } catch (IllegalArgumentException e) {
                throw s.problem(e.getMessage());
            }
            metricsBySensor.put(name, metrics);
            Map<String, Calibration> calibration = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigNode> e : s.entries("calibration").entrySet()) {
                if (!metrics.contains(e.getKey())) {
                    throw e.getValue().problem("this sensor reports " + metrics + ", not " + e.getKey());
                }
                calibration.put(e.getKey(), calibration(e.getKey(), e.getValue()));
            }
            sensors.add(new SensorConfig(name, type, interval, options, calibration));
        }
        return sensors;
    }

    private static Calibration calibration(String metricName, ConfigNode c) throws ConfigException {
        c.onlyKeys("scale", "offset", "from_unit");
        Optional<Metric> metric = MetricCatalogue.lookup(metricName);
        if (metric.isEmpty()) {
            throw c.problem("'" + metricName + "' is not a metric of the catalogue");
        }
        String from = c.text("from_unit", null);
        if (from != null && !UnitConversion.supports(from, metric.get().unit())) {
            throw c.problemAt("from_unit", "cannot convert '" + from + "' to " + metric.get().unit()
                    + "; convertible: " + UnitConversion.sourcesFor(metric.get().unit()));
        }
        double scale = c.number("scale", 1.0);
        if (scale == 0) {
            throw c.problemAt("scale", "must not be 0");
        }
        return new Calibration(scale, c.number("offset", 0.0), from);
    }

    private static List<ActuatorSpec> actuators(ConfigNode top, DriverCheck drivers) throws ConfigException {
        List<ActuatorSpec> actuators = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode a : top.list("actuators")) {
            String name = checkedName(a, names);
            String type = a.string("type");
            if (!ACTUATOR_TYPES.contains(type)) {
                throw a.problemAt("type", "unknown actuator type '" + type + "'; known types: " + ACTUATOR_TYPES);
            }
            ActuatorSpec spec = new ActuatorSpec(name, type, a.remainingAsOptions(Set.of("name", "type")));
            try {
                drivers.actuator(spec);
            } catch (IllegalArgumentException e) {
                throw a.problem(e.getMessage());
            }
            actuators.add(spec);
        }
        return actuators;
    }

    private static List<RuleConfig> rules(ConfigNode top, Map<String, List<String>> metricsBySensor,
                                          List<ActuatorSpec> actuators) throws ConfigException {
        List<RuleConfig> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode r : top.list("rules")) {
            r.onlyKeys("name", "metric", "sensor", "below", "above", "for", "actuator", "on_for", "min_interval");
            String name = checkedName(r, names);
            String metric = r.string("metric");
            if (MetricCatalogue.lookup(metric).isEmpty()) {
                throw r.problemAt("metric", "'" + metric + "' is not a metric of the catalogue");
            }
            String sensor = r.text("sensor", null);
            if (sensor != null && !metricsBySensor.containsKey(sensor)) {
                throw r.problemAt("sensor", "no sensor named '" + sensor + "' in sensors");
            }
            if (sensor != null && !metricsBySensor.get(sensor).contains(metric)) {
                throw r.problemAt("metric", "sensor '" + sensor + "' reports " + metricsBySensor.get(sensor) + ", not " + metric);
            }
            if (metricsBySensor.values().stream().noneMatch(m -> m.contains(metric))) {
                throw r.problemAt("metric", "no sensor of this station reports " + metric);
            }
            if (r.has("below") == r.has("above")) {
                throw r.problem("needs exactly one of 'below' or 'above'");
            }
            RuleConfig.Comparison comparison = r.has("below") ? RuleConfig.Comparison.BELOW : RuleConfig.Comparison.ABOVE;
            double threshold = r.number(comparison == RuleConfig.Comparison.BELOW ? "below" : "above");
            Duration forDuration = r.duration("for", Duration.ZERO, Duration.ZERO);
            String actuator = r.string("actuator");
            if (actuators.stream().noneMatch(a -> a.name().equals(actuator))) {
                throw r.problemAt("actuator", "no actuator named '" + actuator + "' in actuators");
            }
            Duration onFor = r.duration("on_for", null, Duration.ofMillis(100));
            Duration minInterval = r.duration("min_interval", onFor, Duration.ZERO);
            rules.add(new RuleConfig(name, metric, sensor, comparison, threshold, forDuration, actuator, onFor, minInterval));
        }
        return rules;
    }

    private static String checkedName(ConfigNode item, Set<String> seen) throws ConfigException {
        String name = item.string("name");
        if (!NAME.matcher(name).matches()) {
            throw item.problemAt("name", "'" + name + "' must be lower-case letters, digits and _ (starting with a letter)");
        }
        if (!seen.add(name)) {
            throw item.problemAt("name", "'" + name + "' is used twice");
        }
        return name;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
