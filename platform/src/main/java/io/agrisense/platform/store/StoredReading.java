package io.agrisense.platform.store;

import java.time.Instant;

/**
 * A reading committed to the {@code readings} table, as published on {@link IngestEvents#READINGS_COMMITTED};
 * also the input of {@link io.agrisense.platform.store.ReadingWriter}. {@code profile} is the station's profile
 * from its status message, null while unknown.
 */
public record StoredReading(String station, String profile, String metric, Instant time, double value) {
}
