package io.agrisense.platform.model.frost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.TimedValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrostRiskModelTest {

    private static final Instant NINE_PM = Instant.parse("2024-03-01T21:00:00Z");
    private static final Instant MIDNIGHT = Instant.parse("2024-03-02T00:00:00Z");
    private static final Instant SUNRISE = Instant.parse("2024-03-02T06:00:00Z");

    private final FrostRiskModel model = new FrostRiskModel();

    /** Every 15 minutes from 21:00 to midnight, starting at {@code start} and changing by {@code perHour}. */
    private static List<TimedValue> series(double start, double perHour) {
        List<TimedValue> out = new ArrayList<>();
        for (int minutes = 0; minutes <= 180; minutes += 15) {
            out.add(TimedValue.of(NINE_PM.plusSeconds(minutes * 60L), start + perHour * minutes / 60.0));
        }
        return out;
    }

    @Test
    void projectsTheNightsCoolingToSunrise() {
        // 8 -> 5 degrees over three hours, 1 degree/hour, six more hours to sunrise: -1 at 06:00
        FrostRisk risk = model.assess(series(8, -1), series(-3, 0), MIDNIGHT, SUNRISE);

        assertThat(risk.currentTemperature()).isCloseTo(5, within(1e-9));
        assertThat(risk.coolingPerHour()).isCloseTo(-1, within(1e-9));
        assertThat(risk.projectedMinimum()).isCloseTo(-1, within(1e-9));
        assertThat(risk.projectedAt()).isEqualTo(SUNRISE);
        assertThat(risk.level()).isEqualTo(FrostRisk.Level.CRITICAL);
        assertThat(risk.projectedDewPoint()).isCloseTo(-3, within(1e-9));
        assertThat(risk.kind()).isEqualTo(FrostRisk.Kind.BLACK_FROST);
        assertThat(risk.trendUsed()).isTrue();
    }

    @Test
    void airThatReachesItsDewPointBelowZeroGivesHoarFrost() {
        FrostRisk risk = model.assess(series(8, -1), series(0, 0), MIDNIGHT, SUNRISE);

        assertThat(risk.projectedMinimum()).isCloseTo(-1, within(1e-9));
        assertThat(risk.kind()).isEqualTo(FrostRisk.Kind.HOAR_FROST);
    }

    @Test
    void slowerCoolingStaysAtWatchOrWarning() {
        // 9.5 -> 8 (-0.5/h): 8 - 3 = 5 at sunrise -> none; 7 -> 5.5: 5.5 - 3 = 2.5 -> watch; 6.5 -> 5: 2 -> warning
        assertThat(model.assess(series(9.5, -0.5), List.of(), MIDNIGHT, SUNRISE).level()).isEqualTo(FrostRisk.Level.NONE);
        assertThat(model.assess(series(7, -0.5), List.of(), MIDNIGHT, SUNRISE).level()).isEqualTo(FrostRisk.Level.WATCH);
        FrostRisk warning = model.assess(series(6.5, -0.5), List.of(), MIDNIGHT, SUNRISE);
        assertThat(warning.projectedMinimum()).isCloseTo(2, within(1e-9));
        assertThat(warning.level()).isEqualTo(FrostRisk.Level.WARNING);
        assertThat(warning.projectedDewPoint()).isNaN();
        assertThat(warning.kind()).isEqualTo(FrostRisk.Kind.NONE);
    }

    @Test
    void warmingAirProjectsNoLowerThanNow() {
        FrostRisk risk = model.assess(series(1, 0.5), List.of(), MIDNIGHT, SUNRISE);

        assertThat(risk.projectedMinimum()).isCloseTo(2.5, within(1e-9));
        assertThat(risk.projectedAt()).isEqualTo(MIDNIGHT);
        assertThat(risk.level()).isEqualTo(FrostRisk.Level.WATCH);
    }

    @Test
    void withoutEnoughHistoryOnlyTheCurrentValueCounts() {
        List<TimedValue> two = List.of(TimedValue.of(MIDNIGHT.minusSeconds(600), 3.5), TimedValue.of(MIDNIGHT, 3.0));
        FrostRisk risk = model.assess(two, List.of(), MIDNIGHT, SUNRISE);

        assertThat(risk.trendUsed()).isFalse();
        assertThat(risk.projectedMinimum()).isCloseTo(3.0, within(1e-9));
        assertThat(risk.level()).isEqualTo(FrostRisk.Level.WATCH);
    }

    @Test
    void samplesOutsideTheLookbackAreIgnored() {
        // a warm afternoon reading five hours ago must not flatten tonight's trend
        List<TimedValue> samples = new ArrayList<>(series(8, -1));
        samples.add(TimedValue.of(MIDNIGHT.minusSeconds(5 * 3600), 20));
        FrostRisk risk = model.assess(samples, List.of(), MIDNIGHT, SUNRISE);

        assertThat(risk.coolingPerHour()).isCloseTo(-1, within(1e-9));
        assertThatThrownBy(() -> model.assess(List.of(TimedValue.of(NINE_PM.minusSeconds(4 * 3600), 5)),
                List.of(), MIDNIGHT, SUNRISE)).hasMessageContaining("no air temperature sample");
    }

    @Test
    void customThresholdsForATenderCrop() {
        FrostRiskModel tea = new FrostRiskModel(new FrostThresholds(6, 4, 2), FrostRiskModel.DEFAULT_LOOKBACK);
        assertThat(tea.assess(series(7, -0.5), List.of(), MIDNIGHT, SUNRISE).level()).isEqualTo(FrostRisk.Level.WARNING);
        assertThatThrownBy(() -> new FrostThresholds(0, 2, -1)).hasMessageContaining("must fall");
    }
}
