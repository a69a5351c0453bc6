package io.agrisense.bench.common;

import java.util.Arrays;

/**
 * Collects latency samples in nanoseconds and answers exact percentiles (nearest-rank) over all of them. Thread-safe;
 * sized for the few hundred thousand samples a benchmark run takes.
 */
public final class LatencyRecorder {

    private long[] samples = new long[1024];
    private int count;

    public synchronized void record(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("negative latency " + nanos + " ns");
        }
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    public synchronized Summary summary() {
        if (count == 0) {
            throw new IllegalStateException("no latency samples recorded");
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new Summary(count, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), rank(sorted, 99.9), sorted[count - 1]);
    }

    public synchronized int count() {
        return count;
    }

    /** Nearest-rank percentile: the smallest sample with at least p % of the samples at or below it. */
    static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public record Summary(int samples, long p50, long p90, long p99, long p999, long max) {

        public static String millis(long nanos) {
            return String.format(java.util.Locale.ROOT, "%.2f", nanos / 1_000_000.0);
        }

        /** One Markdown table row: label | samples | p50 | p90 | p99 | p99.9 | max (milliseconds). */
        public String markdownRow(String label) {
            return "| " + label + " | " + samples + " | " + millis(p50) + " | " + millis(p90) + " | " + millis(p99)
                    + " | " + millis(p999) + " | " + millis(max) + " |";
        }

        public static String markdownHeader() {
            return "| | samples | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|";
        }
    }
}
