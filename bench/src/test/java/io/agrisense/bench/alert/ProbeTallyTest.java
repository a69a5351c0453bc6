package io.agrisense.bench.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeTallyTest {

    private static final long MS = 1_000_000;
    private static final long MISSING = CycleResult.MISSING;

    private static CycleResult good(long cycle, boolean measured, long firingMs) {
        return new CycleResult("probe-1", cycle, measured, ProbeValues.low(cycle), ProbeValues.recovery(cycle),
                MS, 2 * MS, firingMs * MS, ProbeValues.low(cycle), (firingMs + 1) * MS, ProbeValues.low(cycle), 5 * MS,
                30 * MS, ProbeValues.recovery(cycle), 31 * MS, ProbeValues.recovery(cycle), true);
    }

    @Test
    void latenciesComeFromMeasuredCyclesOnlyButEveryCycleIsChecked() {
        ProbeTally t = ProbeTally.of(List.of(good(0, false, 500), good(1, true, 20), good(2, true, 40)));

        assertThat(t.cycles).isEqualTo(3);
        assertThat(t.measuredCycles).isEqualTo(2);
        assertThat(t.mqttFiring.count()).isEqualTo(2);
        assertThat(t.mqttFiring.summary().max()).isEqualTo(40 * MS);
        assertThat(t.sseFiring.summary().p50()).isEqualTo(21 * MS);
        assertThat(t.brokerLow.count()).isEqualTo(2);
        assertThat(t.mqttFiringReceived).isEqualTo(3);
        assertThat(t.firingValueRight).isEqualTo(3);
        assertThat(t.brokerReceived).isEqualTo(6);
        assertThat(t.passed()).isTrue();
        assertThat(t.failures()).isEmpty();
    }

    @Test
    void aMissingAlertIsAFailureNamingTheCycle() {
        CycleResult g = good(7, true, 20);
        CycleResult missing = new CycleResult(g.station(), g.cycle(), true, g.low(), g.recovery(), g.brokerLow(), g.brokerRecovery(),
                MISSING, null, g.sseFiring(), g.sseFiringValue(), g.platformLatencyNanos(),
                g.mqttResolved(), g.mqttResolveValue(), g.sseResolved(), g.sseResolveValue(), true);

        ProbeTally t = ProbeTally.of(List.of(good(6, true, 20), missing));

        assertThat(t.passed()).isFalse();
        assertThat(t.failedCycles()).isEqualTo(1);
        assertThat(t.mqttFiringReceived).isEqualTo(1);
        assertThat(t.sseFiringReceived).isEqualTo(2);
        assertThat(t.mqttFiring.count()).isEqualTo(1);
        assertThat(t.failures()).containsExactly("probe-1 cycle 7: no firing alert on MQTT");
    }

    @Test
    void anAlertWithAnotherValueThanTheTriggeringReadingIsAFailure() {
        CycleResult g = good(1, false, 20);
        CycleResult wrong = new CycleResult(g.station(), g.cycle(), false, g.low(), g.recovery(), g.brokerLow(), g.brokerRecovery(),
                g.mqttFiring(), ProbeValues.low(0), g.sseFiring(), g.sseFiringValue(), g.platformLatencyNanos(),
                g.mqttResolved(), g.mqttResolveValue(), g.sseResolved(), g.sseResolveValue(), false);

        ProbeTally t = ProbeTally.of(List.of(wrong));

        assertThat(t.passed()).isFalse();
        assertThat(t.firingValueRight).isZero();
        assertThat(t.sameAlertResolved).isZero();
        assertThat(t.failures()).singleElement().asString()
                .startsWith("probe-1 cycle 1 (warm-up): MQTT value 2.0, sent 2.0001")
                .endsWith("the resolution is not of the alert that fired");
    }

    @Test
    void aRunWithoutMeasuredCyclesDoesNotPass() {
        assertThat(ProbeTally.of(List.of(good(0, false, 20))).passed()).isFalse();
    }
}
