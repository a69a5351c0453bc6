package io.agrisense.platform.model.derived;

import io.agrisense.protocol.StationId;
import java.time.Instant;
import java.util.List;

/**
 * A value computed by a model, stored like any reading.
 *
 * @param time   the newest of the inputs' times (for daily models, the caller's end of day)
 * @param inputs the metrics it was computed from
 */
public record DerivedReading(StationId station, String metric, Instant time, double value, List<String> inputs) {

    public DerivedReading {
        inputs = List.copyOf(inputs);
    }
}
