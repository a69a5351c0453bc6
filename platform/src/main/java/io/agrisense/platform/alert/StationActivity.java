package io.agrisense.platform.alert;

import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the engine knows about a station's liveness: profile, status, when it was last heard, per metric. */
final class StationActivity {

    /** Sampling intervals remembered per metric; the shortest is the sensor's interval. */
    static final int INTERVALS_KEPT = 4;

    static final class MetricActivity {
        Instant lastArrival;
        Instant lastReadingTime;
        final Deque<Long> intervalsSeconds = new ArrayDeque<>();

        /** The sensor's sampling interval from the station's own timestamps (robust to backlog replays). */
        Duration samplingInterval() {
            return intervalsSeconds.stream().min(Long::compare).map(Duration::ofSeconds).orElse(null);
        }
    }

    final StationId station;
    String profile;
    StationStatus status;
    Instant firstHeard;
    Instant lastHeard;
    final Map<String, MetricActivity> metrics = new LinkedHashMap<>();

    StationActivity(StationId station) {
        this.station = station;
    }

    void heard(Instant now) {
        if (firstHeard == null) {
            firstHeard = now;
        }
        lastHeard = now;
    }

    /**
     * Records a reading's arrival; returns false when it is not newer than the last one of the metric
     * (a duplicate or a late reading), which then counts for liveness but is not evaluated.
     */
    boolean arrived(String metric, Instant readingTime, Instant now) {
        MetricActivity m = metrics.computeIfAbsent(metric, k -> new MetricActivity());
        m.lastArrival = now;
        if (m.lastReadingTime != null && !readingTime.isAfter(m.lastReadingTime)) {
            return false;
        }
        long interval = m.lastReadingTime == null ? 0 : Duration.between(m.lastReadingTime, readingTime).toSeconds();
        if (interval > 0) {
            m.intervalsSeconds.addLast(interval);
            while (m.intervalsSeconds.size() > INTERVALS_KEPT) {
                m.intervalsSeconds.removeFirst();
            }
        }
        m.lastReadingTime = readingTime;
        return true;
    }

    Instant lastArrival(String metric) {
        MetricActivity m = metrics.get(metric);
        return m == null ? null : m.lastArrival;
    }
}
