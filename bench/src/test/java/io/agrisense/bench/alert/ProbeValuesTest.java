package io.agrisense.bench.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProbeValuesTest {

    @Test
    void lowValuesRaiseAndRecoveryValuesClearTheProbeRule() {
        for (long cycle = 0; cycle < 20_000; cycle += 7) {
            assertThat(ProbeValues.low(cycle)).isLessThanOrEqualTo(ProbeValues.RAISE).isGreaterThanOrEqualTo(2.0);
            assertThat(ProbeValues.recovery(cycle)).isGreaterThanOrEqualTo(ProbeValues.CLEAR).isLessThan(6.0);
        }
    }

    @Test
    void consecutiveCyclesSendDistinctValuesSoEachAlertMatchesItsReading() {
        Set<Double> seen = new HashSet<>();
        for (long cycle = 0; cycle < 10_000; cycle++) {
            assertThat(seen.add(ProbeValues.low(cycle))).as("cycle %d", cycle).isTrue();
        }
        assertThat(ProbeValues.low(3)).isEqualTo(2.0003);
        assertThat(ProbeValues.recovery(3)).isEqualTo(5.0003);
    }

    @Test
    void sameComparesAReceivedValueWithTheSentOne() {
        assertThat(ProbeValues.same(2.0003, ProbeValues.low(3))).isTrue();
        assertThat(ProbeValues.same(2.0004, ProbeValues.low(3))).isFalse();
        assertThat(ProbeValues.same(null, ProbeValues.low(3))).isFalse();
    }
}
