package io.agrisense.edge.sampling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps the time of each metric of a station strictly increasing (millisecond steps). The platform keys readings
 * on (station, metric, time), so a repeated or earlier time would overwrite or be taken for a duplicate. A Pi has
 * no real-time clock and may boot with an old time; the high-water mark of the previous run, saved in the data
 * dir, keeps the first readings after a reboot after the last ones before it.
 */
public final class TimestampGuard {

    private final Map<String, Long> last = new HashMap<>();
    private final Path file;
    private long floor;
    private long highWater;

    private TimestampGuard(Path file, long floor) {
        this.file = file;
        this.floor = floor;
        this.highWater = floor;
    }

    /** A guard without persistence. */
    public static TimestampGuard inMemory() {
        return new TimestampGuard(null, Long.MIN_VALUE / 2);
    }

    /** A guard that starts after the high-water mark saved in {@code file} (if any). */
    public static TimestampGuard load(Path file) {
        long floor = Long.MIN_VALUE / 2;
        try {
            if (Files.exists(file)) {
                floor = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
        } catch (IOException | NumberFormatException e) {
            // A damaged mark only weakens the guard across one reboot; the per-metric guard still holds.
            floor = Long.MIN_VALUE / 2;
        }
        return new TimestampGuard(file, floor);
    }

    /** The time to use for {@code metric} sampled at {@code wallMillis}. */
    public synchronized long stamp(String metric, long wallMillis) {
        long previous = last.getOrDefault(metric, floor);
        long t = Math.max(wallMillis, previous + 1);
        last.put(metric, t);
        highWater = Math.max(highWater, t);
        return t;
    }

    public synchronized long highWaterMark() {
        return highWater;
    }

    /** Saves the high-water mark (write to a temporary file, then rename, so a crash leaves the old mark). */
    public void save() throws IOException {
        if (file == null) {
            return;
        }
        long mark = highWaterMark();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Long.toString(mark), StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
