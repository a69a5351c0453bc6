package io.agrisense.platform.alert.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.platform.alert.Alert;
import io.agrisense.platform.alert.AlertState;
import io.agrisense.platform.alert.AlertTransition;
import io.agrisense.platform.alert.EngineSnapshot;
import io.agrisense.platform.alert.Severity;
import io.agrisense.protocol.StationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AlertJournalTest {

    private static final Instant T = Instant.parse("2026-07-04T17:30:00Z");

    private static DecidedTransition firing(Instant received, Instant evidence) {
        Alert a = new Alert("a-1", "r", "r", StationId.of("pond-3"), "dissolved_oxygen", Severity.CRITICAL, AlertState.FIRING,
                T.minusSeconds(120), T, 2.8, T.minusMillis(900), 2.8, null, null, null, null, "low");
        return new DecidedTransition(new AlertTransition(AlertState.FIRING, a, "low", Optional.empty()), received, evidence);
    }

    @Test
    void onlyTheNewestSnapshotOfAGroupIsWritten() {
        AlertJournal.Snapshot old = new AlertJournal.Snapshot(new EngineSnapshot(1, T, List.of(), List.of(), List.of()), List.of());
        AlertJournal.Snapshot newer = new AlertJournal.Snapshot(new EngineSnapshot(1, T.plusSeconds(30), List.of(), List.of(), List.of()), List.of());
        AlertJournal.Change change = new AlertJournal.Change(firing(null, null), new CompletableFuture<>());

        assertThat(AlertJournal.coalesceSnapshots(List.of(old, change, newer))).containsExactly(change, newer);
        assertThat(AlertJournal.coalesceSnapshots(List.of(change))).containsExactly(change);
    }

    @Test
    void latencyIsMeasuredFromTheEvidence() {
        assertThat(firing(T.minusMillis(35), T.minusMillis(35)).latencyMs()).isEqualTo(35.0);
        assertThat(firing(null, T.minusSeconds(1)).latencyMs()).as("the end of a for-duration").isEqualTo(1000.0);
        assertThat(firing(null, null).latencyMs()).isNull();
        assertThat(firing(null, null).at()).isEqualTo(T);
    }
}
