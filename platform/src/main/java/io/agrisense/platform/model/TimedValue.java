package io.agrisense.platform.model;

import java.time.Instant;
import java.util.Objects;

/** One observation of a series: when and what. */
public record TimedValue(Instant time, double value) {

    public TimedValue {
        Objects.requireNonNull(time, "time");
    }

    public static TimedValue of(Instant time, double value) {
        return new TimedValue(time, value);
    }
}
