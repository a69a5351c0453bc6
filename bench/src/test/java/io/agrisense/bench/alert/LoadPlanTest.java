package io.agrisense.bench.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoadPlanTest {

    @Test
    void packsDueGrowWithElapsedTimeAtTheReadingRateDividedByThePackSize() {
        LoadPlan plan = new LoadPlan(50, 3000, 10);

        assertThat(plan.packsPerSecond()).isEqualTo(300.0);
        assertThat(plan.packsDue(0)).isZero();
        assertThat(plan.packsDue(1_000_000_000L)).isEqualTo(300);
        assertThat(plan.packsDue(2_500_000_000L)).isEqualTo(750);
        assertThat(plan.packsDue(3_333_333L)).isZero(); // 0.99 of a pack is not due yet
    }

    @Test
    void stationsTakeTurnsSoEachPublishesAtTheSamePace() {
        LoadPlan plan = new LoadPlan(3, 300, 10);

        assertThat(plan.stationOf(0)).isZero();
        assertThat(plan.stationOf(1)).isEqualTo(1);
        assertThat(plan.stationOf(2)).isEqualTo(2);
        assertThat(plan.stationOf(3)).isZero();
        assertThat(plan.stationOf(3_000_000_002L)).isEqualTo(2);
    }

    @Test
    void aZeroRateSendsNothing() {
        assertThat(new LoadPlan(1, 0, 10).packsDue(60_000_000_000L)).isZero();
    }

    @Test
    void refusesPlansWithoutStationsOrPackSize() {
        assertThatThrownBy(() -> new LoadPlan(0, 100, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 stations");
        assertThatThrownBy(() -> new LoadPlan(5, 100, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 per pack");
        assertThatThrownBy(() -> new LoadPlan(5, -1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
