package io.agrisense.platform.alert;

import io.agrisense.platform.model.TimedValue;
import io.agrisense.protocol.StationId;
import java.time.Instant;
import java.util.List;

/**
 * The engine's whole state, for persistence across platform restarts: active alerts plus per-rule evaluation
 * state (hysteresis latches, pending periods, rate windows) and station liveness.
 *
 * <p>Restoring guarantees: an alert active in the snapshot is not fired again by the same condition and is
 * resolved by the next clearing reading; the active-alert list is authoritative (phase 2 may take it from the
 * alert table, which can be newer than the stored evaluation state); and every station gets a fresh grace
 * period for heartbeats and staleness, since the platform, not the stations, was away.
 */
public record EngineSnapshot(int version, Instant takenAt, List<Alert> activeAlerts, List<Track> tracks,
                             List<Station> stations) {

    public static final int VERSION = 1;

    public EngineSnapshot {
        activeAlerts = List.copyOf(activeAlerts);
        tracks = List.copyOf(tracks);
        stations = List.copyOf(stations);
    }

    /** A snapshot with the active alerts replaced, e.g. by those of the alert table. */
    public EngineSnapshot withActiveAlerts(List<Alert> alerts) {
        return new EngineSnapshot(version, takenAt, alerts, tracks, stations);
    }

    public record Track(String ruleId, StationId station, String metric, boolean latched, Instant since, Double value,
                        Instant valueTime, Double worst, String description, String alertId, List<TimedValue> samples) {
    }

    public record Station(StationId station, String profile, StationStatus status, Instant firstHeard,
                          Instant lastHeard, List<MetricActivity> metrics) {
    }

    public record MetricActivity(String metric, Instant lastArrival, Instant lastReadingTime, List<Long> intervalsSeconds) {
    }
}
