package io.agrisense.bench.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertLatencyReportTest {

    private static RunFacts facts(double achieved, long published, long acked, long stored) {
        return new RunFacts("servers", "rule", "profile", 2, Duration.ofSeconds(5), Duration.ofSeconds(20), 0, Duration.ofMillis(50),
                Duration.ofSeconds(10), new LoadPlan(10, 1000, 10), 4, achieved, published, acked, 0, stored, 0, 0, 0, 0);
    }

    private static ProbeTally passing() {
        long ms = 1_000_000;
        return ProbeTally.of(List.of(new CycleResult("p", 0, true, ProbeValues.low(0), ProbeValues.recovery(0), ms, ms,
                20 * ms, ProbeValues.low(0), 20 * ms, ProbeValues.low(0), 5 * ms, 20 * ms, ProbeValues.recovery(0),
                20 * ms, ProbeValues.recovery(0), true)));
    }

    @Test
    void aRunWithEveryReadingStoredAndTheAskedLoadPasses() {
        assertThat(AlertLatencyReport.failures(passing(), facts(990, 20_000, 20_000, 20_000))).isEmpty();
    }

    @Test
    void aReadingNotStoredOrALoadBelowTheAskedRateFailsTheRun() {
        assertThat(AlertLatencyReport.failures(passing(), facts(1000, 20_000, 20_000, 19_990)))
                .singleElement().asString().contains("19990 stored");
        assertThat(AlertLatencyReport.failures(passing(), facts(900, 20_000, 20_000, 20_000)))
                .singleElement().asString().contains("reached 900 readings/s, not the 1000 asked for");
    }

    @Test
    void durationsReadAsSecondsOrMilliseconds() {
        assertThat(AlertLatencyReport.text(Duration.ofMillis(50))).isEqualTo("50 ms");
        assertThat(AlertLatencyReport.text(Duration.ofSeconds(20))).isEqualTo("20 s");
        assertThat(AlertLatencyReport.text(Duration.ofMillis(20_270))).isEqualTo("20.3 s");
    }
}
