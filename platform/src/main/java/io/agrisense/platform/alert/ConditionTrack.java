package io.agrisense.platform.alert;

import io.agrisense.platform.model.TimedValue;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The engine's evaluation state for one (rule, station, metric): whether the condition holds (after
 * hysteresis), since when, the values that matter, the active alert, and for rates the recent samples.
 */
final class ConditionTrack {

    /** Bound on samples kept for a rate window, whatever the reading rate. */
    static final int MAX_SAMPLES = 4096;

    final AlertKey key;
    boolean latched;
    Instant since;
    Double value;
    Instant valueTime;
    Double worst;
    /** What holds, for people: "dissolved_oxygen 2.8 mg/L at or below 3.0". */
    String description;
    Alert alert;
    final Deque<TimedValue> samples = new ArrayDeque<>();

    ConditionTrack(AlertKey key) {
        this.key = key;
    }

    boolean pending() {
        return latched && alert == null;
    }
}
