package io.agrisense.platform.model.tracing;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A series on a regular time grid (the API's bucketed series): value i is the bucket starting at start + i step;
 * NaN marks a missing bucket.
 */
public record RegularSeries(Instant start, Duration step, double[] values) {

    public RegularSeries {
        Objects.requireNonNull(start, "start");
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("series step " + step + " must be positive");
        }
        for (double v : values) {
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException("series values must be finite or NaN (missing), got " + v);
            }
        }
        values = values.clone();
    }

    public int size() {
        return values.length;
    }

    public double at(int i) {
        return values[i];
    }

    public Instant timeAt(double index) {
        return start.plusNanos(Math.round(index * step.toNanos()));
    }

    /** The index of the bucket holding {@code time} (may be outside 0..size-1). */
    public int indexOf(Instant time) {
        return (int) Math.floorDiv(Duration.between(start, time).toNanos(), step.toNanos());
    }

    /** Whether another series shares this grid, so index i means the same time in both. */
    public boolean sameGrid(RegularSeries other) {
        return start.equals(other.start) && step.equals(other.step) && values.length == other.values.length;
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegularSeries r && start.equals(r.start) && step.equals(r.step) && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, step, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "RegularSeries[start=" + start + ", step=" + step + ", size=" + values.length + "]";
    }
}
