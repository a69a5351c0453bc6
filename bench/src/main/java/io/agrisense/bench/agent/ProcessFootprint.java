package io.agrisense.bench.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux says a process costs: resident memory from {@code /proc/<pid>/status} ({@code VmRSS}, and the peak
 * {@code VmHWM}) and CPU time from {@code /proc/<pid>/stat} (utime + stime, in clock ticks).
 */
final class ProcessFootprint {

    private final Path proc;

    ProcessFootprint(long pid) {
        this.proc = Path.of("/proc", Long.toString(pid));
    }

    long rssKb() throws IOException {
        return statusKb(Files.readString(proc.resolve("status"), StandardCharsets.US_ASCII), "VmRSS");
    }

    long peakRssKb() throws IOException {
        return statusKb(Files.readString(proc.resolve("status"), StandardCharsets.US_ASCII), "VmHWM");
    }

    long cpuTicks() throws IOException {
        return cpuTicks(Files.readString(proc.resolve("stat"), StandardCharsets.US_ASCII));
    }

    /** A {@code Name:   1234 kB} line of /proc/<pid>/status. */
    static long statusKb(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
            }
        }
        throw new IllegalArgumentException("no " + field + " in /proc status");
    }

    /** utime + stime (fields 14 and 15 of /proc/<pid>/stat); the command name in parentheses may hold spaces. */
    static long cpuTicks(String stat) {
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(after[11]) + Long.parseLong(after[12]);
    }

    /** {@code getconf CLK_TCK}, 100 on every Linux the benchmark is likely to see. */
    static long clockTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
