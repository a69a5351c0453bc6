package io.agrisense.edge.sensor;

import static io.agrisense.protocol.MetricCatalogue.AIR_PRESSURE;
import static io.agrisense.protocol.MetricCatalogue.AIR_TEMPERATURE;
import static io.agrisense.protocol.MetricCatalogue.CO2;
import static io.agrisense.protocol.MetricCatalogue.CPU_TEMPERATURE;
import static io.agrisense.protocol.MetricCatalogue.ILLUMINANCE;
import static io.agrisense.protocol.MetricCatalogue.PM10;
import static io.agrisense.protocol.MetricCatalogue.PM1_0;
import static io.agrisense.protocol.MetricCatalogue.PM2_5;
import static io.agrisense.protocol.MetricCatalogue.RAINFALL;
import static io.agrisense.protocol.MetricCatalogue.RELATIVE_HUMIDITY;
import static io.agrisense.protocol.MetricCatalogue.SOIL_TEMPERATURE;
import static io.agrisense.protocol.MetricCatalogue.WATER_TEMPERATURE;
import static io.agrisense.protocol.MetricCatalogue.WIND_SPEED;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the driver for each {@code sensors:} and {@code actuators:} entry of a station from its spec. A bad spec is an
 * {@link IllegalArgumentException} naming the sensor, the option and what is wrong; hardware problems never fail
 * here (chips are opened on first read), so a sensor missing at boot is retried like any failing sensor.
 * Options are documented per type in edge-agent/DRIVERS.md.
 */
public final class DeviceFactory {

    /** How old a referenced temperature sample may be before a probe reads the thermometer again. */
    static final Duration TEMPERATURE_MAX_AGE = Duration.ofMinutes(10);

    private static final Map<String, Set<String>> OPTIONS = Map.ofEntries(
            Map.entry("bme280", Set.of("bus", "address")),
            Map.entry("sht31", Set.of("bus", "address")),
            Map.entry("bh1750", Set.of("bus", "address", "mtreg")),
            Map.entry("scd41", Set.of("bus", "address")),
            Map.entry("ads1115", Set.of("bus", "address", "channel", "gain", "probe", "probe_calibration",
                    "calibration", "metric", "temperature", "temperature_sensor")),
            Map.entry("ds18b20", Set.of("w1_id", "metric")),
            Map.entry("pms5003", Set.of("device")),
            Map.entry("rain_gauge", Set.of("pin", "pull", "mm_per_tip", "debounce_ms")),
            Map.entry("anemometer", Set.of("pin", "pull", "mps_per_hz", "offset_mps", "debounce_ms")),
            Map.entry("cpu_temperature", Set.of()));
    private static final Set<String> RELAY_OPTIONS =
            Set.of("pin", "activeLow", "active_low", "safeState", "safe_state", "load");
    private static final List<String> TEMPERATURE_METRICS = List.of(WATER_TEMPERATURE, SOIL_TEMPERATURE, AIR_TEMPERATURE);

    private final Hardware hardware;
    private final Map<String, StationSensor> byName = new ConcurrentHashMap<>();
    private final Map<String, SharedAdc> adcs = new HashMap<>();

    public DeviceFactory(Hardware hardware) {
        this.hardware = hardware;
    }

    /** The sensor types this factory builds. */
    public static Set<String> sensorTypes() {
        return new TreeSet<>(OPTIONS.keySet());
    }

    /** The metrics a sensor built from this spec reports, in order (after its {@code metrics} option). */
    public static List<String> metrics(SensorSpec spec) {
        SpecOptions o = SpecOptions.of(spec);
        List<String> all = switch (checkedType(spec)) {
            case "bme280" -> List.of(AIR_TEMPERATURE, RELATIVE_HUMIDITY, AIR_PRESSURE);
            case "sht31" -> List.of(AIR_TEMPERATURE, RELATIVE_HUMIDITY);
            case "bh1750" -> List.of(ILLUMINANCE);
            case "scd41" -> List.of(CO2, AIR_TEMPERATURE, RELATIVE_HUMIDITY);
            case "ads1115" -> List.of(AnalogProbe.parse(spec).calibration().metric());
            case "ds18b20" -> List.of(o.choice("metric", WATER_TEMPERATURE, TEMPERATURE_METRICS));
            case "pms5003" -> List.of(PM1_0, PM2_5, PM10);
            case "rain_gauge" -> List.of(RAINFALL);
            case "anemometer" -> List.of(WIND_SPEED);
            case "cpu_temperature" -> List.of(CPU_TEMPERATURE);
            default -> throw new IllegalStateException(spec.type());
        };
        if (!o.has("metrics")) {
            return all;
        }
        List<String> chosen = o.strings("metrics");
        for (String metric : chosen) {
            if (!all.contains(metric)) {
                throw o.error("metrics", "lists '" + metric + "', which a " + spec.type() + " does not report; it reports " + all);
            }
        }
        return all.stream().filter(chosen::contains).toList();
    }

    public Sensor sensor(SensorSpec spec) {
        String type = checkedType(spec);
        SpecOptions o = SpecOptions.of(spec);
        for (String key : spec.options().keySet()) {
            if (!key.equals("metrics") && !OPTIONS.get(type).contains(key)) {
                throw o.error(key, "is not an option of " + type + "; its options are "
                        + new TreeSet<>(OPTIONS.get(type)) + " and metrics");
            }
        }
        List<String> metrics = metrics(spec);
        Set<String> reported = o.has("metrics") ? new LinkedHashSet<>(metrics) : null;
        Built built = driver(spec, type, o);
        StationSensor sensor = new StationSensor(built.driver(), reported, hardware.timing(), closed -> {
            byName.remove(spec.name(), closed);
            built.release().run();
        });
        byName.put(spec.name(), sensor);
        return sensor;
    }

    /** A driver and what to release when it closes (a shared ADC is closed with its last probe). */
    private record Built(Sensor driver, Runnable release) {
        Built(Sensor driver) {
            this(driver, () -> { });
        }
    }

    private Built driver(SensorSpec spec, String type, SpecOptions o) {
        String name = spec.name();
        DeviceTiming timing = hardware.timing();
        if (type.equals("ads1115")) {
            return analogProbe(spec);
        }
        return new Built(switch (type) {
            case "bme280" -> new Bme280(name, hardware.pi4j(), bus(o), o.i2cAddress("address", Bme280.DEFAULT_ADDRESS), timing);
            case "sht31" -> new Sht31(name, hardware.pi4j(), bus(o), o.i2cAddress("address", Sht31.DEFAULT_ADDRESS), timing);
            case "bh1750" -> new Bh1750(name, hardware.pi4j(), bus(o), o.i2cAddress("address", Bh1750.DEFAULT_ADDRESS),
                    o.integer("mtreg", Bh1750.DEFAULT_MTREG, Bh1750.MIN_MTREG, Bh1750.MAX_MTREG), timing);
            case "scd41" -> {
                if (o.i2cAddress("address", Scd41.ADDRESS) != Scd41.ADDRESS) {
                    throw o.error("address", "must be 0x62: the SCD4x address is fixed");
                }
                yield new Scd41(name, hardware.pi4j(), bus(o), timing);
            }
            case "ds18b20" -> {
                String id = o.requireString("w1_id").toLowerCase(java.util.Locale.ROOT);
                if (!Ds18b20.W1_ID.matcher(id).matches()) {
                    throw o.error("w1_id", "must be a DS18B20 1-Wire id such as 28-0316a2799aff (family 28, "
                            + "12 hex digits), got \"" + id + "\"");
                }
                yield new Ds18b20(name, hardware::w1Devices, id, o.choice("metric", WATER_TEMPERATURE, TEMPERATURE_METRICS));
            }
            case "pms5003" -> new Pms5003(name, hardware.pi4j(), o.string("device", Pms5003.DEFAULT_DEVICE), timing);
            case "rain_gauge" -> new RainGauge(name, hardware.pi4j(), pin(o), pullUp(o),
                    o.positiveNumber("mm_per_tip", RainGauge.DEFAULT_MM_PER_TIP),
                    debounce(o, RainGauge.DEFAULT_DEBOUNCE), timing);
            case "anemometer" -> new Anemometer(name, hardware.pi4j(), pin(o), pullUp(o),
                    o.positiveNumber("mps_per_hz", Anemometer.DEFAULT_MPS_PER_HZ), nonNegative(o, "offset_mps"),
                    debounce(o, Anemometer.DEFAULT_DEBOUNCE), timing);
            case "cpu_temperature" -> new CpuTemperature(name, hardware::cpuThermalZone);
            default -> throw new IllegalStateException(type);
        });
    }

    public Actuator actuator(ActuatorSpec spec) {
        SpecOptions o = SpecOptions.of(spec);
        if (spec.name() == null || spec.name().isBlank()) {
            throw new IllegalArgumentException("actuator of type '" + spec.type() + "': 'name' is required");
        }
        if (!"relay".equals(spec.type())) {
            throw new IllegalArgumentException("actuator '" + spec.name() + "': 'type' must be relay, got '"
                    + spec.type() + "'");
        }
        for (String key : spec.options().keySet()) {
            if (!RELAY_OPTIONS.contains(key)) {
                throw o.error(key, "is not an option of relay; its options are pin, activeLow, safeState, load");
            }
        }
        relayLoad(spec);
        return new Relay(spec.name(), hardware.pi4j(), pin(o), o.bool(o.spelling("activeLow", "active_low"), false),
                safeStateOn(spec));
    }

    /** Whether a relay's safe state is on; {@code safeState: off} is the default. */
    public static boolean safeStateOn(ActuatorSpec spec) {
        SpecOptions o = SpecOptions.of(spec);
        String key = o.spelling("safeState", "safe_state");
        if (!o.has(key)) {
            return false;
        }
        Object value = spec.options().get(key);
        if (value instanceof Boolean b) {
            return b;
        }
        return o.choice(key, "off", List.of("off", "on")).equals("on");
    }

    /** What a relay drives (aerator, valve, fan or other); the simulation uses it to act on its model. */
    public static String relayLoad(ActuatorSpec spec) {
        return SpecOptions.of(spec).choice("load", "other", List.of("aerator", "valve", "fan", "other"));
    }

    private Built analogProbe(SensorSpec spec) {
        AnalogProbe probe = AnalogProbe.parse(spec);
        String key = probe.bus() + "/" + probe.address();
        SharedAdc adc;
        synchronized (adcs) {
            adc = adcs.computeIfAbsent(key, k -> new SharedAdc(
                    new Ads1115(hardware.pi4j(), probe.bus(), probe.address(), hardware.timing())));
            adc.users++;
        }
        Runnable release = () -> {
            synchronized (adcs) {
                if (--adc.users == 0) {
                    adcs.remove(key, adc);
                    adc.chip.close();
                }
            }
        };
        return new Built(new AnalogProbeSensor(spec.name(), probe, adc.chip, temperatureSource(spec, probe)), release);
    }

    private TemperatureSource temperatureSource(SensorSpec spec, AnalogProbe probe) {
        if (!probe.calibration().usesTemperature()) {
            return TemperatureSource.NONE;
        }
        SpecOptions.OptionalNumber fixed = probe.fixedCelsius();
        if (probe.temperatureSensor().isEmpty()) {
            return fixed.present() ? TemperatureSource.fixed(fixed.value()) : TemperatureSource.NONE;
        }
        String reference = probe.temperatureSensor().get();
        long maxAge = TEMPERATURE_MAX_AGE.toNanos();
        return () -> {
            StationSensor thermometer = byName.get(reference);
            try {
                if (thermometer == null) {
                    throw new SensorException("no sensor named '" + reference + "' has been created");
                }
                return thermometer.recentTemperature(maxAge);
            } catch (SensorException e) {
                if (fixed.present()) {
                    return fixed.value();
                }
                throw new SensorException(probe.kind() + " probe '" + spec.name() + "' needs the water temperature "
                        + "from temperature_sensor '" + reference + "': " + e.getMessage(), e);
            }
        };
    }

    private static String checkedType(SensorSpec spec) {
        if (spec.name() == null || spec.name().isBlank()) {
            throw new IllegalArgumentException("sensor of type '" + spec.type() + "': 'name' is required");
        }
        if (spec.type() == null || !OPTIONS.containsKey(spec.type())) {
            throw new IllegalArgumentException("sensor '" + spec.name() + "': 'type' must be one of " + sensorTypes()
                    + ", got '" + spec.type() + "'");
        }
        return spec.type();
    }

    private static int bus(SpecOptions o) {
        return o.integer("bus", 1, 0, 31);
    }

    /** BCM GPIO number on the 40-pin header. */
    private static int pin(SpecOptions o) {
        return o.requireInteger("pin", 0, 27);
    }

    private static boolean pullUp(SpecOptions o) {
        return o.choice("pull", "up", List.of("up", "down")).equals("up");
    }

    private static Duration debounce(SpecOptions o, Duration defaultValue) {
        double ms = o.number("debounce_ms", defaultValue.toNanos() / 1e6);
        if (ms < 0 || ms > 1000) {
            throw o.error("debounce_ms", "must be between 0 and 1000 ms, got " + ms);
        }
        return Duration.ofNanos(Math.round(ms * 1e6));
    }

    private static double nonNegative(SpecOptions o, String key) {
        double value = o.number(key, 0.0);
        if (value < 0) {
            throw o.error(key, "must not be negative, got " + value);
        }
        return value;
    }

    private static final class SharedAdc {
        final Ads1115 chip;
        int users;

        SharedAdc(Ads1115 chip) {
            this.chip = chip;
        }
    }
}
