package io.agrisense.platform.model.derived;

import java.time.Instant;
import java.util.Objects;

/** The most recent value of one metric at a station. */
public record LatestReading(String metric, Instant time, double value) {

    public LatestReading {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(time, "time");
    }
}
