package io.agrisense.bench.ingest;

import io.agrisense.bench.common.LatencyRecorder;
import java.util.List;

/**
 * One phase's figures: the steady-state rates over the measured window, the lag of the packs that arrived in it
 * (null where not measured), the totals of the whole phase and every problem the exact-count check found.
 */
record PhaseResult(String name, double messagesPerSecond, double readingsPerSecond, LatencyRecorder.Summary lag,
                   long sentReadings, long arrivedReadings, List<String> problems, List<String> notes) {

    PhaseResult {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    boolean verified() {
        return problems.isEmpty();
    }
}
