package io.agrisense.edge.sim;

import io.agrisense.edge.sensor.DallasCrc8;
import io.agrisense.edge.sensor.W1Slave;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The sysfs files of a simulated Pi in a temporary directory: {@code w1/devices/<id>/w1_slave} for each DS18B20,
 * laid out and worded like the w1_therm driver's, and {@code thermal_zone0/temp}. Files are rewritten from the model
 * when the driver asks for the directory, which is when the kernel would run the conversion.
 */
final class SimFiles {

    private record Probe(String w1Id, String metric, SensorSignal signal) {
    }

    private final Path root;
    private final Path w1Devices;
    private final Path thermalZone;
    private final SensorSignal cpu;
    private final List<Probe> probes = new ArrayList<>();

    SimFiles(SensorSignal cpu) {
        try {
            root = Files.createTempDirectory("agrisense-sim-");
            w1Devices = Files.createDirectories(root.resolve("w1/devices"));
            Files.createDirectories(w1Devices.resolve("w1_bus_master1"));
            thermalZone = Files.createDirectories(root.resolve("thermal/thermal_zone0")).resolve("temp");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the simulated sysfs directory", e);
        }
        this.cpu = cpu;
    }

    void addProbe(String w1Id, String metric, SensorSignal signal) {
        if (probes.stream().anyMatch(p -> p.w1Id().equals(w1Id))) {
            throw new IllegalArgumentException("two simulated DS18B20 with 1-Wire id " + w1Id);
        }
        probes.add(new Probe(w1Id, metric, signal));
    }

    /** The file text a DS18B20 at 12-bit resolution produces for a temperature (clipped to its -55..125 °C). */
    static String w1Slave(double celsius) {
        int raw = (int) Math.max(-55 * 16, Math.min(125 * 16, Math.round(celsius * 16)));
        if (raw == 0x0550) {
            raw++; // a true 85.000 °C would read as the power-on value
        }
        byte[] pad = {(byte) raw, (byte) (raw >> 8), 0x4B, 0x46, 0x7F, (byte) 0xFF, 0x0C, 0x10, 0};
        pad[8] = (byte) DallasCrc8.crc(pad, 0, 8);
        return W1Slave.render(pad, true, raw * 625 / 10);
    }

    synchronized Path w1Devices() {
        for (Probe probe : probes) {
            Path dir = w1Devices.resolve(probe.w1Id());
            try {
                if (probe.signal().disconnected()) {
                    deleteTree(dir);
                } else {
                    Files.createDirectories(dir);
                    write(dir.resolve("w1_slave"), w1Slave(probe.signal().sample(probe.metric())[0]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot update the simulated 1-Wire device " + dir, e);
            }
        }
        return w1Devices;
    }

    synchronized Optional<Path> thermalZone() {
        try {
            if (cpu.disconnected()) {
                Files.deleteIfExists(thermalZone);
                return Optional.empty();
            }
            write(thermalZone, Math.round(cpu.sample(io.agrisense.protocol.MetricCatalogue.CPU_TEMPERATURE)[0] * 1000) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the simulated thermal zone", e);
        }
        return Optional.of(thermalZone);
    }

    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    void delete() {
        try {
            deleteTree(root);
        } catch (IOException e) {
            // a temporary directory; the OS cleans it eventually
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
