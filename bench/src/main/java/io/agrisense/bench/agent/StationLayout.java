package io.agrisense.bench.agent;

import io.agrisense.config.Quantities;
import io.agrisense.edge.sensor.DeviceFactory;
import io.agrisense.edge.sensor.SensorSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A generated greenhouse station with many simulated I2C sensors, all on one interval: BME280, SHT31, BH1750 and
 * soil-moisture probes on ADS1115 channels, taken in turn. Each chip needs its own bus and address (the simulated
 * I2C bus refuses two chips at one address), so every type fills its addresses on bus 1, then bus 2, ... up to
 * bus 31, then bus 0: at most 64 of each climate chip and 512 probes (4 ADS1115 x 4 channels per bus). 1-Wire
 * probes are left out on purpose: the simulation rewrites every DS18B20 file whenever one is read, which would
 * measure the simulation rather than the agent.
 */
record StationLayout(String stationId, Duration interval, List<Sensor> sensors) {

    /** One {@code sensors:} entry and the metrics each of its reads reports (as the agent's driver factory says). */
    record Sensor(String name, String type, int bus, int address, int channel, List<String> metrics) {

        Map<String, Object> options() {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("bus", bus);
            o.put("address", address);
            if (type.equals("ads1115")) {
                o.put("channel", channel);
                o.put("probe", "soil_moisture");
                o.put("probe_calibration", Map.of("dry", 2.90, "wet", 1.25));
            }
            return o;
        }
    }

    private record Chip(String type, String prefix, int[] addresses, int channels) {
        int perBus() {
            return addresses.length * channels;
        }

        int capacity() {
            return perBus() * BUSES;
        }
    }

    static final int BUSES = 32;
    private static final List<Chip> CHIPS = List.of(
            new Chip("bme280", "bme", new int[] {0x76, 0x77}, 1),
            new Chip("sht31", "sht", new int[] {0x44, 0x45}, 1),
            new Chip("bh1750", "lux", new int[] {0x23, 0x5C}, 1),
            new Chip("ads1115", "soil", new int[] {0x48, 0x49, 0x4A, 0x4B}, 4));

    static int maxSensors() {
        return CHIPS.stream().mapToInt(Chip::capacity).sum();
    }

    static StationLayout generate(String stationId, int count, Duration interval) {
        if (count < 1 || count > maxSensors()) {
            throw new IllegalArgumentException("sensors must be 1.." + maxSensors() + " (distinct simulated I2C "
                    + "addresses on 32 buses), got " + count);
        }
        int[] used = new int[CHIPS.size()];
        List<Sensor> sensors = new ArrayList<>(count);
        for (int turn = 0; sensors.size() < count; turn++) {
            int kind = turn % CHIPS.size();
            Chip chip = CHIPS.get(kind);
            if (used[kind] == chip.capacity()) {
                continue;
            }
            int slot = used[kind]++;
            int bus = (slot / chip.perBus() + 1) % BUSES;
            int inBus = slot % chip.perBus();
            int address = chip.addresses()[inBus / chip.channels()];
            int channel = inBus % chip.channels();
            String name = String.format(Locale.ROOT, "%s_%03d", chip.prefix(), sensors.size());
            Map<String, Object> options = new Sensor(name, chip.type(), bus, address, channel, List.of()).options();
            List<String> metrics = DeviceFactory.metrics(new SensorSpec(name, chip.type(), options));
            sensors.add(new Sensor(name, chip.type(), bus, address, channel, metrics));
        }
        return new StationLayout(stationId, interval, List.copyOf(sensors));
    }

    /** Readings the station produces per second when every sensor reads on time. */
    double readingsPerSecond() {
        return readingsPerRound() * 1e9 / interval.toNanos();
    }

    /** Readings of one read of every sensor. */
    int readingsPerRound() {
        return sensors.stream().mapToInt(s -> s.metrics().size()).sum();
    }

    /** Readings each metric stream gets per read of every sensor (several sensors share a metric name). */
    Map<String, Integer> readingsPerRoundByMetric() {
        Map<String, Integer> out = new TreeMap<>();
        sensors.forEach(s -> s.metrics().forEach(m -> out.merge(m, 1, Integer::sum)));
        return out;
    }

    /** How many sensors of each type, in layout order. */
    Map<String, Long> countByType() {
        Map<String, Long> out = new LinkedHashMap<>();
        sensors.forEach(s -> out.merge(s.type(), 1L, Long::sum));
        return out;
    }

    /** The station YAML the agent runs; the broker URL is the agent's {@code --broker} in the benchmark. */
    String yaml(String brokerUrl, Duration healthInterval) {
        StringBuilder y = new StringBuilder()
                .append("# Generated by agri-bench agent: ").append(sensors.size()).append(" simulated sensors every ")
                .append(Quantities.format(interval)).append('\n')
                .append("station_id: ").append(stationId).append('\n')
                .append("profile: greenhouse\n")
                .append("name: Benchmark station\n")
                .append("uplink:\n  mqtt:\n    url: ").append(brokerUrl).append('\n')
                .append("payload_format: json\n")
                .append("buffer:\n  max_bytes: 64MiB\n  fsync: batch\n")
                .append("sensors:\n");
        String every = Quantities.format(interval);
        for (Sensor s : sensors) {
            y.append("  - {name: ").append(s.name()).append(", type: ").append(s.type())
                    .append(", interval: ").append(every);
            s.options().forEach((k, v) -> y.append(", ").append(k).append(": ").append(flow(v)));
            y.append("}\n");
        }
        return y.append("health:\n  interval: ").append(Quantities.format(healthInterval)).append('\n').toString();
    }

    private static String flow(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder b = new StringBuilder("{");
            map.entrySet().stream().sorted(Map.Entry.comparingByKey((a, c) -> a.toString().compareTo(c.toString())))
                    .forEach(e -> b.append(b.length() > 1 ? ", " : "").append(e.getKey()).append(": ").append(e.getValue()));
            return b.append('}').toString();
        }
        return String.valueOf(value);
    }
}
