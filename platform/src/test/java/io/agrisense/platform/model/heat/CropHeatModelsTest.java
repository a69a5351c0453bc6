package io.agrisense.platform.model.heat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.warning.SignalLevel;
import io.agrisense.platform.model.warning.Warning;
import io.agrisense.protocol.StationId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class CropHeatModelsTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final StationId GARDEN = StationId.of("tea-01");
    private static final LocalDate TODAY = LocalDate.of(2024, 8, 10);
    private static final Instant EVENING = Instant.parse("2024-08-10T12:00:00Z"); // 20:00 local

    private final TeaHeatModel tea = new TeaHeatModel();
    private final CitrusHeatModel citrus = new CitrusHeatModel();

    /** {@code n} consecutive days ending today; day 0 is the oldest. */
    private static List<DailyMaximum> days(int n, IntToDoubleFunction maxByDay) {
        List<DailyMaximum> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new DailyMaximum(TODAY.minusDays(n - 1L - i), maxByDay.applyAsDouble(i)));
        }
        return out;
    }

    private Warning tea(List<DailyMaximum> days) {
        return tea.assess(new TeaHeatModel.Garden(GARDEN, CHINA, days), EVENING).orElseThrow();
    }

    @Test
    void teaInjuryGradesFollowTheDaysOfT14AtOrAbove34point5() {
        // 34/36 alternating: T14 = 35.0 every day from day 13, no three hot days in a row, never 37
        IntToDoubleFunction alternating = i -> i % 2 == 0 ? 34 : 36;
        Warning mild = tea(days(13 + 17, alternating));  // 17 days: mild
        assertThat(mild.level()).isEqualTo(SignalLevel.BLUE);
        assertThat(mild.quantity("injury_days").orElseThrow()).isEqualTo(17);
        assertThat(mild.quantity("t14").orElseThrow()).isCloseTo(35.0, within(1e-9));
        assertThat(mild.message()).startsWith("tea heat injury, mild: the 14-day mean maximum is 35.0 °C, 34.5 °C or more for 17 days");

        assertThat(tea(days(13 + 18, alternating)).level()).isEqualTo(SignalLevel.YELLOW);  // 18 days: moderate
        assertThat(tea(days(13 + 38, alternating)).level()).isEqualTo(SignalLevel.YELLOW);
        assertThat(tea(days(13 + 39, alternating)).level()).isEqualTo(SignalLevel.ORANGE);  // more than 38: severe
    }

    @Test
    void cmaHighTemperatureSignalRaisesTheLevel() {
        // 20 days at 36 C: T14 36 for 7 days (mild, blue) but three days at 35+ make the CMA signal yellow
        assertThat(tea(days(20, i -> 36)).level()).isEqualTo(SignalLevel.YELLOW);
        assertThat(tea(days(20, i -> i == 19 ? 37.5 : 33)).level()).isEqualTo(SignalLevel.ORANGE);
        assertThat(tea(days(20, i -> i == 19 ? 40.2 : 33)).level()).isEqualTo(SignalLevel.RED);
        assertThat(HighTemperatureSignal.of(days(3, i -> i == 1 ? 34.9 : 36))).isEmpty();
    }

    @Test
    void persistentHeatIsWarnedBeforeTheInjuryIndexIsReached() {
        // 11 days at 33.5 C, then 36.5 C: T14 34.14 today, 34.57 in two days if the heat persists
        Warning ahead = tea(days(14, i -> i < 11 ? 33.5 : 36.5));
        assertThat(ahead.expectedAt()).isEqualTo(Instant.parse("2024-08-12T06:00:00Z")); // 12 Aug 14:00 local
        assertThat(ahead.leadTime().toHours()).isEqualTo(42);
        assertThat(ahead.message()).startsWith("tea heat injury likely from 12 Aug");
        assertThat(ahead.level()).isEqualTo(SignalLevel.YELLOW); // three days at 36.5: the CMA signal is already yellow
        assertThat(tea.assess(new TeaHeatModel.Garden(GARDEN, CHINA, days(20, i -> 30)), EVENING)).isEmpty();
    }

    @Test
    void badSeriesAreRejected() {
        List<DailyMaximum> gap = new ArrayList<>(days(5, i -> 30));
        gap.remove(2);
        assertThatThrownBy(() -> new TeaHeatModel.Garden(GARDEN, CHINA, gap)).hasMessageContaining("consecutive");
        List<DailyMaximum> old = List.of(new DailyMaximum(TODAY.minusDays(5), 39));
        assertThatThrownBy(() -> tea.assess(new TeaHeatModel.Garden(GARDEN, CHINA, old), EVENING))
                .hasMessageContaining("must end today");
        assertThatThrownBy(() -> new DailyMaximum(TODAY, 75)).hasMessageContaining("not plausible");
    }

    @Test
    void satsumaFlowersDropAbove28AndYoungFruitAbove31() {
        CitrusHeatModel.Grove flowering = new CitrusHeatModel.Grove(GARDEN, CHINA, CitrusHeatModel.Stage.FLOWERING,
                days(4, i -> new double[]{26, 29, 30.5, 29.5}[i]));
        Warning warning = citrus.assess(flowering, EVENING).orElseThrow();

        assertThat(warning.level()).isEqualTo(SignalLevel.BLUE);
        assertThat(warning.subject()).isEqualTo("citrus flowering");
        assertThat(warning.quantity("harmful_degree_days").orElseThrow()).isCloseTo(1 + 2.5 + 1.5, within(1e-9));
        assertThat(warning.message()).isEqualTo("satsuma flowering heat: 29.5 °C today, above the 28 °C at which flowers"
                + " and young fruit drop; 5.0 degree-days of harmful heat this stage; irrigate and mist the canopy in the afternoon");

        CitrusHeatModel.Grove fruit = new CitrusHeatModel.Grove(GARDEN, CHINA, CitrusHeatModel.Stage.YOUNG_FRUIT, days(3, i -> 30));
        assertThat(citrus.assess(fruit, EVENING)).isEmpty();
        CitrusHeatModel.Grove scorching = new CitrusHeatModel.Grove(GARDEN, CHINA, CitrusHeatModel.Stage.YOUNG_FRUIT, days(3, i -> 37.4));
        assertThat(citrus.assess(scorching, EVENING).orElseThrow().level()).isEqualTo(SignalLevel.ORANGE);
    }
}
