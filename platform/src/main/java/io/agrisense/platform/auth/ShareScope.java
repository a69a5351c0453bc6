package io.agrisense.platform.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a sharing token may read: these stations, these metrics (empty: every metric), readings timed in
 * [{@code from}, {@code to}) (either end may be open).
 */
public record ShareScope(Set<String> stations, Set<String> metrics, Instant from, Instant to) {

    public ShareScope {
        stations = Set.copyOf(Objects.requireNonNull(stations, "stations"));
        metrics = Set.copyOf(Objects.requireNonNull(metrics, "metrics"));
        if (stations.isEmpty()) {
            throw new IllegalArgumentException("a sharing scope names at least one station");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("a sharing scope's 'from' must be before its 'to'");
        }
    }

    public boolean coversStation(String station) {
        return stations.contains(station);
    }

    public boolean coversMetric(String metric) {
        return metrics.isEmpty() || metrics.contains(metric);
    }

    /** The part of [{@code start}, {@code end}) inside the scope's window, or null when they do not overlap. */
    public Instant[] clip(Instant start, Instant end) {
        Instant s = from != null && from.isAfter(start) ? from : start;
        Instant e = to != null && to.isBefore(end) ? to : end;
        return s.isBefore(e) ? new Instant[] {s, e} : null;
    }
}
