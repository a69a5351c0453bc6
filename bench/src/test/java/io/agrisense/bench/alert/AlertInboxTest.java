package io.agrisense.bench.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertInboxTest {

    private static AlertEvent event(String id, String event) {
        return new AlertEvent(1, id, "rule", "probe-1", event, 2.0, null, null);
    }

    @Test
    void handsOutTheFirstWantedAlertAndCountsTheOnesSkippedAsStray() throws InterruptedException {
        AlertInbox inbox = new AlertInbox();
        inbox.deliver(event("old", "resolved"));
        inbox.deliver(event("a", "firing"));
        inbox.deliver(event("a", "resolved"));

        assertThat(inbox.await(e -> e.firing("probe-1", "rule"), System.nanoTime())).map(AlertEvent::id).contains("a");
        assertThat(inbox.stray()).isEqualTo(2); // "old" was skipped, "a resolved" still waits
        assertThat(inbox.await(e -> e.resolved("probe-1", "rule"), System.nanoTime())).map(AlertEvent::id).contains("a");
        assertThat(inbox.stray()).isEqualTo(1);
    }

    @Test
    void isEmptyWhenNothingWantedArrivesBeforeTheDeadline() throws InterruptedException {
        AlertInbox inbox = new AlertInbox();
        inbox.deliver(event("a", "resolved"));

        assertThat(inbox.await(e -> e.firing("probe-1", "rule"), System.nanoTime() + 1_000_000)).isEmpty();
        assertThat(inbox.stray()).isEqualTo(1);
    }
}
