package io.agrisense.platform.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A SenML string record named {@code event}: something the station did (an edge rule switched the aerator on). */
public record StationEvent(String station, Instant time, String text) {

    public StationEvent {
        time = time.truncatedTo(ChronoUnit.MICROS);
    }
}
