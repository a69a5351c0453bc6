package io.agrisense.platform.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.agrisense.platform.model.GrowingDegreeDays.DailyExtremes;
import io.agrisense.platform.model.GrowingDegreeDays.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrowingDegreeDaysTest {

    @Test
    void averageMethodSubtractsTheBaseAndNeverGoesNegative() {
        assertThat(GrowingDegreeDays.daily(25, 15, 10)).isCloseTo(10, within(1e-12));
        assertThat(GrowingDegreeDays.daily(12, 4, 10)).isCloseTo(0, within(1e-12));
        assertThat(GrowingDegreeDays.daily(18, 6, 10)).isCloseTo(2, within(1e-12));
    }

    @Test
    void upperCutoffAndBaseClampingFollowMcMasterAndWilhelm() {
        // maize 10/30 on a 33/8 day: method 1 (33+8)/2-10 = 10.5; cut at 30: (30+8)/2-10 = 9; method 2 (30+10)/2-10 = 10
        assertThat(GrowingDegreeDays.daily(33, 8, 10, null, Method.AVERAGE)).isCloseTo(10.5, within(1e-12));
        assertThat(GrowingDegreeDays.daily(33, 8, 10, 30.0, Method.AVERAGE)).isCloseTo(9, within(1e-12));
        assertThat(GrowingDegreeDays.daily(33, 8, 10, 30.0, Method.BASE_CLAMPED)).isCloseTo(10, within(1e-12));
        // a cold day: method 1 gives 0, method 2 credits the warm afternoon: (14+10)/2-10 = 2
        assertThat(GrowingDegreeDays.daily(14, 2, 10, null, Method.AVERAGE)).isCloseTo(0, within(1e-12));
        assertThat(GrowingDegreeDays.daily(14, 2, 10, null, Method.BASE_CLAMPED)).isCloseTo(2, within(1e-12));
    }

    @Test
    void accumulatesAndLocatesThePhenologyStage() {
        DegreeDayProfile moth = new DegreeDayProfile("fruit moth", 10, 31.0, Method.AVERAGE, List.of(
                new DegreeDayProfile.Stage("egg hatch", 250), new DegreeDayProfile.Stage("first flight", 100)));
        List<DailyExtremes> days = List.of(new DailyExtremes(24, 12), new DailyExtremes(34, 18), new DailyExtremes(9, 3));
        // 8 + (31+18)/2-10 = 14.5 + 0
        assertThat(GrowingDegreeDays.accumulate(days, moth)).isCloseTo(22.5, within(1e-12));

        DegreeDayProfile.Progress progress = moth.progress(180);
        assertThat(progress.reached().orElseThrow().name()).isEqualTo("first flight");
        assertThat(progress.next().orElseThrow().name()).isEqualTo("egg hatch");
        assertThat(progress.remainingToNext()).isCloseTo(70, within(1e-12));
        assertThat(moth.progress(50).reached()).isEmpty();
        assertThat(moth.progress(300).next()).isEmpty();
    }

    @Test
    void profilesAndStagesComeFromYamlConfig() throws Exception {
        String yaml = """
                name: tea green leafhopper
                baseTemperature: 9.5
                upperCutoff: 32
                method: BASE_CLAMPED
                stages:
                  - {name: overwintered adults active, degreeDays: 60}
                  - {name: first nymph peak, degreeDays: 370}
                """;
        DegreeDayProfile profile = new ObjectMapper(new YAMLFactory()).readValue(yaml, DegreeDayProfile.class);

        assertThat(profile.baseTemperature()).isEqualTo(9.5);
        assertThat(profile.upperCutoff()).isEqualTo(32.0);
        assertThat(profile.progress(100).reached().orElseThrow().name()).isEqualTo("overwintered adults active");
        // base-clamped: (20 + 9.5) / 2 - 9.5
        assertThat(GrowingDegreeDays.daily(new DailyExtremes(20, 5), profile)).isCloseTo(5.25, within(1e-12));
    }

    @Test
    void rejectsInconsistentInput() {
        assertThatThrownBy(() -> new DailyExtremes(5, 10)).hasMessageContaining("above the maximum");
        assertThatThrownBy(() -> new DegreeDayProfile("x", 10, 8.0, null, List.of())).hasMessageContaining("upper cutoff");
    }

    @Test
    void singleSineWithHorizontalCutoffReproducesTheUcIpmCalculator() {
        // UC IPM degree-day calculator, single sine / horizontal cutoff, 50/70 F, Esparto 2020 (degree-day
        // validation challenge, ucipm_low50_high70_sngsine_horiz.csv): min, max -> daily degree-days
        double[][] rows = {
                {38, 55, 1.19}, {36, 67, 5.71}, {41, 50, 0.00}, {31, 51, 0.10}, // only the lower threshold crossed
                {54, 67, 10.50}, {50, 69, 9.50},                                // between the thresholds
                {52, 73, 12.01}, {57, 96, 16.69}, {60, 86, 17.25},                // cut at the upper threshold
                {44, 76, 10.00}, {38, 75, 8.72}, {43, 81, 10.71},                 // both thresholds crossed
                {71, 103, 20.00}, {72, 95, 20.00}};                              // above the upper threshold
        for (double[] r : rows) {
            assertThat(GrowingDegreeDays.singleSine(r[1], r[0], 50, 70)).as("%s-%s F", r[0], r[1])
                    .isCloseTo(r[2], within(0.006));
        }
        assertThat(GrowingDegreeDays.daily(73, 52, 50, 70.0, Method.SINGLE_SINE)).isCloseTo(12.01, within(0.006));
    }

    @Test
    void singleSineWithoutCutoffAndItsLimits() {
        // symmetric about the base: mean excess A / pi
        assertThat(GrowingDegreeDays.singleSine(20, 0, 10, Double.POSITIVE_INFINITY)).isCloseTo(10 / Math.PI, within(1e-12));
        assertThat(GrowingDegreeDays.daily(35, 25, 10, null, Method.SINGLE_SINE)).isCloseTo(20, within(1e-12));
        assertThat(GrowingDegreeDays.singleSine(12, 12, 10, 30)).isCloseTo(2, within(1e-12));
        assertThatThrownBy(() -> GrowingDegreeDays.singleSine(10, 20, 10, 30)).hasMessageContaining("above the maximum");
        assertThatThrownBy(() -> GrowingDegreeDays.singleSine(30, 20, 10, 10)).hasMessageContaining("upper threshold");
    }
}
