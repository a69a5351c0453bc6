package io.agrisense.platform.ingest;

import java.time.Instant;

/**
 * A station went online or offline (its retained status topic, or its Last Will), published locally on
 * {@link IngestEvents#STATION_STATUS} after the change is stored. Also published for the retained status
 * the broker hands over when the platform (re)connects, so a consumer learns the current state at start.
 */
public record StationStatusEvent(String station, boolean online, Instant time, String profile) {
}
