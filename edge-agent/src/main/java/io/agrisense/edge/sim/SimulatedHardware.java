package io.agrisense.edge.sim;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import io.agrisense.edge.sensor.ActuatorSpec;
import io.agrisense.edge.sensor.AnalogProbe;
import io.agrisense.edge.sensor.Anemometer;
import io.agrisense.edge.sensor.Bh1750;
import io.agrisense.edge.sensor.Bme280;
import io.agrisense.edge.sensor.DeviceFactory;
import io.agrisense.edge.sensor.DeviceTiming;
import io.agrisense.edge.sensor.Hardware;
import io.agrisense.edge.sensor.Pms5003;
import io.agrisense.edge.sensor.RainGauge;
import io.agrisense.edge.sensor.Scd41;
import io.agrisense.edge.sensor.SensorSpec;
import io.agrisense.edge.sensor.Sht31;
import io.agrisense.edge.sensor.SpecOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A station's hardware in simulation: a Pi4J context whose I2C, serial and GPIO providers are simulated chips,
 * a temporary sysfs directory for 1-Wire and the thermal zone, and the environment model behind them all. The real
 * drivers from {@link DeviceFactory} run on it unchanged. Nothing runs in the background: devices compute their
 * bytes, files and pulses when a driver looks.
 */
public final class SimulatedHardware implements Hardware {

    private final EnvironmentModel environment;
    private final FaultInjector faults;
    private final SimTiming timing;
    private final SimFiles files;
    private final Context pi4j;

    private SimulatedHardware(EnvironmentModel environment, FaultInjector faults, SimTiming timing, SimFiles files,
                              Context pi4j) {
        this.environment = environment;
        this.faults = faults;
        this.timing = timing;
        this.files = files;
        this.pi4j = pi4j;
    }

    public static SimulatedHardware create(String profile, long seed, Clock clock,
                                           List<SensorSpec> sensors, List<ActuatorSpec> actuators) {
        return create(profile, seed, WorldTime.of(clock), sensors, actuators);
    }

    /** Simulated hardware in a world with its own time (shifted or faster for demos), see {@link WorldTime}. */
    public static SimulatedHardware create(String profile, long seed, WorldTime time,
                                           List<SensorSpec> sensors, List<ActuatorSpec> actuators) {
        Clock clock = time.clock();
        EnvironmentModel model = new EnvironmentModel(StationProfile.of(profile), seed, clock, time.since());
        Set<String> names = new HashSet<>();
        for (SensorSpec spec : sensors) {
            DeviceFactory.metrics(spec); // the factory's own validation of type and options
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException("two sensors are named '" + spec.name() + "'");
            }
        }
        FaultInjector faults = new FaultInjector(names);
        SimTiming timing = new SimTiming(clock);
        String cpuName = sensors.stream().filter(s -> s.type().equals("cpu_temperature")).map(SensorSpec::name)
                .findFirst().orElse("(soc)");
        SimFiles files = new SimFiles(new SensorSignal(cpuName, model, faults, seed));
        RelayBoard relays = new RelayBoard(model, actuators);
        SimI2CProvider i2c = new SimI2CProvider();
        SimSerialProvider serial = new SimSerialProvider();
        SimDigitalInputProvider inputs = new SimDigitalInputProvider(timing);
        SimDigitalOutputProvider outputs = new SimDigitalOutputProvider(relays::level);
        Map<Integer, SimAds1115> adcs = new HashMap<>();
        for (SensorSpec spec : sensors) {
            render(spec, new SensorSignal(spec.name(), model, faults, seed), seed, model, timing, files, i2c, serial,
                    inputs, adcs);
        }
        Context context = Pi4J.newContextBuilder().noAutoDetect().add(i2c, serial, inputs, outputs).build();
        return new SimulatedHardware(model, faults, timing, files, context);
    }

    private static void render(SensorSpec spec, SensorSignal signal, long seed, EnvironmentModel model,
                               SimTiming timing, SimFiles files, SimI2CProvider i2c, SimSerialProvider serial,
                               SimDigitalInputProvider inputs, Map<Integer, SimAds1115> adcs) {
        SpecOptions o = SpecOptions.of(spec);
        String label = spec.type().toUpperCase(Locale.ROOT) + " '" + spec.name() + "'";
        int bus = o.integer("bus", 1, 0, 31);
        switch (spec.type()) {
            case "bme280" -> i2c.attach(bus, o.i2cAddress("address", Bme280.DEFAULT_ADDRESS), new SimBme280(signal, label));
            case "sht31" -> i2c.attach(bus, o.i2cAddress("address", Sht31.DEFAULT_ADDRESS), new SimSht31(signal, label));
            case "bh1750" -> i2c.attach(bus, o.i2cAddress("address", Bh1750.DEFAULT_ADDRESS), new SimBh1750(signal, label));
            case "scd41" -> i2c.attach(bus, Scd41.ADDRESS, new SimScd41(signal, timing, label));
            case "ads1115" -> {
                AnalogProbe probe = AnalogProbe.parse(spec);
                String metric = probe.calibration().metric();
                model.now().value(metric); // fails here, not mid-run, for a metric the model does not have
                SimAds1115 adc = adcs.computeIfAbsent(probe.bus() << 8 | probe.address(), k -> {
                    SimAds1115 chip = new SimAds1115();
                    i2c.attach(probe.bus(), probe.address(), chip);
                    return chip;
                });
                adc.connect(probe.channel(), () -> {
                    if (signal.disconnected()) {
                        return Double.POSITIVE_INFINITY;
                    }
                    double value = signal.sample(metric)[0];
                    return probe.calibration().volts(value, model.now().mediumTemperature(metric));
                });
            }
            case "ds18b20" -> files.addProbe(o.requireString("w1_id").toLowerCase(Locale.ROOT),
                    DeviceFactory.metrics(spec).get(0), signal);
            case "pms5003" -> serial.attach(o.string("device", Pms5003.DEFAULT_DEVICE),
                    new Pms5003Stream(signal, timing, Math.floorMod(seed ^ spec.name().hashCode(), 1_000_000_000L)));
            case "rain_gauge" -> inputs.attach(o.requireInteger("pin", 0, 27), new RainPulses(signal,
                    o.positiveNumber("mm_per_tip", RainGauge.DEFAULT_MM_PER_TIP),
                    debounceNanos(o, RainGauge.DEFAULT_DEBOUNCE)));
            case "anemometer" -> inputs.attach(o.requireInteger("pin", 0, 27), new WindPulses(signal,
                    o.positiveNumber("mps_per_hz", Anemometer.DEFAULT_MPS_PER_HZ), o.number("offset_mps", 0.0)));
            case "cpu_temperature" -> {
                // the thermal zone file carries its signal
            }
            default -> throw new IllegalArgumentException("sensor '" + spec.name() + "': no simulation for type '"
                    + spec.type() + "'");
        }
    }

    private static long debounceNanos(SpecOptions o, Duration defaultValue) {
        return Math.round(o.number("debounce_ms", defaultValue.toNanos() / 1e6) * 1e6);
    }

    /** The physical model behind the devices, readable in tests. */
    public EnvironmentModel environment() {
        return environment;
    }

    public FaultInjector faults() {
        return faults;
    }

    @Override
    public Context pi4j() {
        return pi4j;
    }

    @Override
    public Path w1Devices() {
        return files.w1Devices();
    }

    @Override
    public Optional<Path> cpuThermalZone() {
        return files.thermalZone();
    }

    @Override
    public DeviceTiming timing() {
        return timing;
    }

    @Override
    public void close() {
        try {
            pi4j.shutdown();
        } finally {
            files.delete();
        }
    }
}
