package io.agrisense.bench.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What a figure was measured on: printed at the top of every report. */
public record MachineInfo(String cpu, int cores, long memoryMb, String os, String java) {

    public static MachineInfo current() {
        return new MachineInfo(cpuModel().orElse(System.getProperty("os.arch")),
                Runtime.getRuntime().availableProcessors(),
                memTotalKb().map(kb -> kb / 1024).orElse(-1L),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    public String markdown() {
        return "Machine: " + cpu + ", " + cores + " cores, " + (memoryMb < 0 ? "memory unknown" : memoryMb + " MB RAM")
                + "; " + os + "; " + java + ".";
    }

    private static Optional<String> cpuModel() {
        return lines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
    }

    private static Optional<Long> memTotalKb() {
        return lines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
