package io.agrisense.platform.model.oxygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.TimedValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LowOxygenRiskTest {

    private static final Instant TEN_PM = Instant.parse("2024-07-01T22:00:00Z");
    private static final Instant ONE_AM = Instant.parse("2024-07-02T01:00:00Z");
    private static final Instant DAWN = Instant.parse("2024-07-02T05:30:00Z");

    private final LowOxygenRisk crayfish = new LowOxygenRisk(OxygenBands.CRAYFISH);

    private static List<TimedValue> sag(double start, double perHour) {
        List<TimedValue> out = new ArrayList<>();
        for (int minutes = 0; minutes <= 180; minutes += 10) {
            out.add(TimedValue.of(TEN_PM.plusSeconds(minutes * 60L), start + perHour * minutes / 60.0));
        }
        return out;
    }

    @Test
    void classifiesAgainstTheSpeciesBands() {
        assertThat(crayfish.classify(2.9)).isEqualTo(OxygenRisk.Level.CRITICAL);
        assertThat(crayfish.classify(3.0)).isEqualTo(OxygenRisk.Level.WARNING);
        assertThat(crayfish.classify(4.99)).isEqualTo(OxygenRisk.Level.WARNING);
        assertThat(crayfish.classify(5.0)).isEqualTo(OxygenRisk.Level.NONE);
        assertThat(new LowOxygenRisk(OxygenBands.WARMWATER_FISH).classify(2.5)).isEqualTo(OxygenRisk.Level.WARNING);
    }

    @Test
    void projectsTheNightSagAndWhenItCrossesCritical() {
        // 6.0 at 22:00 falling 0.5 mg/L/h: 4.5 at 01:00, 4.5 - 0.5 * 4.5 = 2.25 at dawn, 3.0 reached at 04:00
        OxygenRisk risk = crayfish.assess(sag(6.0, -0.5), ONE_AM, DAWN);

        assertThat(risk.current()).isCloseTo(4.5, within(1e-9));
        assertThat(risk.level()).isEqualTo(OxygenRisk.Level.WARNING);
        assertThat(risk.trendPerHour()).isCloseTo(-0.5, within(1e-9));
        assertThat(risk.projectedMinimum()).isCloseTo(2.25, within(1e-9));
        assertThat(risk.projectedLevel()).isEqualTo(OxygenRisk.Level.CRITICAL);
        assertThat(risk.projectedAt()).isEqualTo(DAWN);
        assertThat(risk.criticalAt()).contains(Instant.parse("2024-07-02T04:00:00Z"));
    }

    @Test
    void risingOxygenProjectsNoLowerThanNow() {
        OxygenRisk risk = crayfish.assess(sag(3.5, 0.2), ONE_AM, DAWN);

        assertThat(risk.projectedMinimum()).isCloseTo(4.1, within(1e-9));
        assertThat(risk.projectedLevel()).isEqualTo(OxygenRisk.Level.WARNING);
        assertThat(risk.criticalAt()).isEmpty();
    }

    @Test
    void projectionNeverGoesBelowZero() {
        OxygenRisk risk = crayfish.assess(sag(4.0, -1.0), ONE_AM, DAWN);

        assertThat(risk.projectedMinimum()).isZero();
        assertThat(risk.criticalAt()).isEmpty(); // already critical now: 4.0 - 3.0 = 1.0
        assertThat(risk.level()).isEqualTo(OxygenRisk.Level.CRITICAL);
    }

    @Test
    void bandsMustBeOrdered() {
        assertThatThrownBy(() -> new OxygenBands(5, 3)).hasMessageContaining("critical (5.0) < warning (3.0)");
    }
}
