package io.agrisense.platform.model.rain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.warning.Reassessment;
import io.agrisense.platform.model.warning.SignalLevel;
import io.agrisense.platform.model.warning.Warning;
import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class RainstormModelTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final StationId FIELD = StationId.of("veg-01");
    private static final Instant NOW = Instant.parse("2024-06-20T14:00:00Z"); // 22:00 local

    private final RainstormModel model = new RainstormModel();

    /** A reading every 10 minutes over the last 24 h; index 0 is 24 h ago, 144 is now. */
    private static RainstormModel.Gauge gauge(IntToDoubleFunction mmByReading) {
        List<TimedValue> out = new ArrayList<>();
        for (int i = 0; i <= 144; i++) {
            out.add(TimedValue.of(NOW.minus(Duration.ofMinutes(10L * (144 - i))), mmByReading.applyAsDouble(i)));
        }
        return new RainstormModel.Gauge(FIELD, CHINA, out);
    }

    @Test
    void gradesFollowGbT28592() {
        assertThat(PrecipitationGrade.of24Hours(0.04)).isEqualTo(PrecipitationGrade.TRACE);
        assertThat(PrecipitationGrade.of24Hours(9.9)).isEqualTo(PrecipitationGrade.LIGHT);
        assertThat(PrecipitationGrade.of24Hours(10.0)).isEqualTo(PrecipitationGrade.MODERATE);
        assertThat(PrecipitationGrade.of24Hours(49.9)).isEqualTo(PrecipitationGrade.HEAVY);
        assertThat(PrecipitationGrade.of24Hours(50.0)).isEqualTo(PrecipitationGrade.RAINSTORM);
        assertThat(PrecipitationGrade.of24Hours(100.0)).isEqualTo(PrecipitationGrade.HEAVY_RAINSTORM);
        assertThat(PrecipitationGrade.of24Hours(249.9)).isEqualTo(PrecipitationGrade.HEAVY_RAINSTORM);
        assertThat(PrecipitationGrade.of24Hours(250.0)).isEqualTo(PrecipitationGrade.EXTREME_RAINSTORM);
        assertThat(PrecipitationGrade.of12Hours(4.9)).isEqualTo(PrecipitationGrade.LIGHT);
        assertThat(PrecipitationGrade.of12Hours(5.0)).isEqualTo(PrecipitationGrade.MODERATE);
        assertThat(PrecipitationGrade.of12Hours(29.9)).isEqualTo(PrecipitationGrade.HEAVY);
        assertThat(PrecipitationGrade.of12Hours(30.0)).isEqualTo(PrecipitationGrade.RAINSTORM);
        assertThat(PrecipitationGrade.of12Hours(70.0)).isEqualTo(PrecipitationGrade.HEAVY_RAINSTORM);
        assertThat(PrecipitationGrade.of12Hours(140.0)).isEqualTo(PrecipitationGrade.EXTREME_RAINSTORM);
        assertThat(PrecipitationGrade.RAINSTORM.chineseName()).isEqualTo("暴雨");
        assertThatThrownBy(() -> PrecipitationGrade.of24Hours(-1)).hasMessageContaining(">= 0");
    }

    @Test
    void windowsSumTheIncrements() {
        RainWindows rain = RainWindows.of(gauge(i -> i > 126 ? 2.0 : 0.0).increments(), NOW); // 18 readings of 2 mm
        assertThat(rain.intensity()).isCloseTo(12, within(1e-9));
        assertThat(rain.total(Duration.ofHours(3))).isCloseTo(36, within(1e-9));
        assertThat(rain.total(Duration.ofHours(24))).isCloseTo(36, within(1e-9));
        assertThat(rain.hourlySpread(3)).isCloseTo(0, within(1e-9));
        assertThat(rain.reached(Duration.ofHours(3), 20)).contains(NOW.minus(Duration.ofMinutes(80)));
    }

    @Test
    void threeHoursOf60MillimetresStillFallingIsOrange() {
        // 20 mm/h (3.33 mm per 10 min) for the last 3 h: 50 mm reached after 2.5 h
        Warning warning = model.assess(gauge(i -> i > 126 ? 20 / 6.0 : 0), NOW).orElseThrow();

        assertThat(warning.level()).isEqualTo(SignalLevel.ORANGE);
        assertThat(warning.quantity("rain_3h").orElseThrow()).isCloseTo(60, within(1e-9));
        assertThat(warning.expectedAt()).isEqualTo(NOW.minus(Duration.ofMinutes(30)));
        assertThat(warning.leadTime()).isZero();
        assertThat(warning.confidence().value()).isCloseTo(0.9995, within(1e-3)); // Phi(10 / 3)
        assertThat(warning.message()).isEqualTo("rainstorm orange signal: 60.0 mm in 3 h (50 mm in 3 h), still 20.0 mm/h;"
                + " 24 h total 60.0 mm (rainstorm); clear the drains, ditches and pond overflows, keep off flooded fields");
    }

    @Test
    void aBurstIsWarnedAheadByPersistence() {
        // 20 mm in the last hour only: at that rate 50 mm in 3 h is reached 1.5 h from now
        Warning warning = model.assess(gauge(i -> i > 138 ? 20 / 6.0 : 0), NOW).orElseThrow();

        assertThat(warning.level()).isEqualTo(SignalLevel.ORANGE);
        assertThat(warning.expectedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(90)));
        assertThat(warning.leadTime()).isEqualTo(Duration.ofMinutes(90));
        // hourly totals 20, 0, 0: spread 11.55 mm, over 3 h 20 mm; P(60 > 50) = Phi(0.5)
        assertThat(warning.confidence().value()).isCloseTo(0.6915, within(1e-3));
        assertThat(warning.message()).startsWith("rainstorm orange signal likely: 20.0 mm in the last hour, at that rate 50 mm in 3 h about 23:30");
    }

    @Test
    void heavierSignalsAndTheEndOfTheRain() {
        assertThat(model.assess(gauge(i -> i > 126 ? 40 / 6.0 : 0), NOW).orElseThrow().level()).isEqualTo(SignalLevel.RED);
        assertThat(model.assess(gauge(i -> i > 108 ? 9 / 6.0 : 0), NOW).orElseThrow().level()).isEqualTo(SignalLevel.YELLOW); // 54 mm in 6 h
        // 60 mm fell but the last hour was dry: the signal is lifted
        RainstormModel.Gauge stopped = gauge(i -> i > 120 && i <= 138 ? 20 / 6.0 : 0);
        assertThat(model.assess(stopped, NOW)).isEmpty();
        Warning before = model.assess(gauge(i -> i > 126 ? 20 / 6.0 : 0), NOW).orElseThrow();
        assertThat(model.reassess(before, stopped, NOW)).isInstanceOf(Reassessment.Resolved.class);
        assertThat(model.assess(gauge(i -> 0.2), NOW)).isEmpty(); // 1.2 mm/h drizzle
        assertThatThrownBy(() -> model.assess(gauge(i -> i == 50 ? -0.2 : 0), NOW)).hasMessageContaining(">= 0");
    }
}
