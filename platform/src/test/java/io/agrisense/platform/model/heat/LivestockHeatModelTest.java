package io.agrisense.platform.model.heat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.TemperatureHumidityIndex;
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

class LivestockHeatModelTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final StationId BARN = StationId.of("barn-01");
    private static final Instant NOW = Instant.parse("2024-07-20T06:00:00Z"); // 14:00 local

    private final LivestockHeatModel model = new LivestockHeatModel();

    /** Readings every 30 minutes over the last 24 h; index 0 is 24 h ago, index 48 is now. */
    private static LivestockHeatModel.Barn barn(IntToDoubleFunction thiByHalfHour) {
        List<TimedValue> out = new ArrayList<>();
        for (int i = 0; i <= 48; i++) {
            out.add(TimedValue.of(NOW.minus(Duration.ofMinutes(30L * (48 - i))), thiByHalfHour.applyAsDouble(i)));
        }
        return new LivestockHeatModel.Barn(BARN, CHINA, out);
    }

    @Test
    void safetyIndexClassesFollowTheLciBounds() {
        assertThat(LivestockWeatherSafetyIndex.of(74.9)).isEqualTo(LivestockWeatherSafetyIndex.NORMAL);
        assertThat(LivestockWeatherSafetyIndex.of(75)).isEqualTo(LivestockWeatherSafetyIndex.ALERT);
        assertThat(LivestockWeatherSafetyIndex.of(78.9)).isEqualTo(LivestockWeatherSafetyIndex.ALERT);
        assertThat(LivestockWeatherSafetyIndex.of(79)).isEqualTo(LivestockWeatherSafetyIndex.DANGER);
        assertThat(LivestockWeatherSafetyIndex.of(83.9)).isEqualTo(LivestockWeatherSafetyIndex.DANGER);
        assertThat(LivestockWeatherSafetyIndex.of(84)).isEqualTo(LivestockWeatherSafetyIndex.EMERGENCY);
        // a barn at 32 C and 60 %RH: NRC 1971 THI 82.6, danger
        assertThat(LivestockWeatherSafetyIndex.of(TemperatureHumidityIndex.of(32, 60))).isEqualTo(LivestockWeatherSafetyIndex.DANGER);
    }

    @Test
    void accumulatesClassHoursThiHoursAndRecovery() {
        // 12 h at 72, 6 h at 80, 6 h at 86, then now
        LivestockHeatModel.Barn barn = barn(i -> i < 24 ? 72 : i < 36 ? 80 : 86);
        LivestockHeatModel.Accumulation acc = LivestockHeatModel.accumulate(barn.thi(), NOW);

        assertThat(acc.recoveryHours()).isCloseTo(12, within(1e-9));
        assertThat(acc.hoursAtLeast(LivestockWeatherSafetyIndex.DANGER)).isCloseTo(12, within(1e-9));
        assertThat(acc.hoursAtLeast(LivestockWeatherSafetyIndex.EMERGENCY)).isCloseTo(6, within(1e-9));
        assertThat(acc.thiHoursAbove84()).isCloseTo(2 * 6, within(1e-9));
    }

    @Test
    void emergencyWithNightRecoveryIsOrangeAndWithoutItRed() {
        Warning orange = model.assess(barn(i -> i < 24 ? 72 : i < 36 ? 80 : 86), NOW).orElseThrow();
        assertThat(orange.level()).isEqualTo(SignalLevel.ORANGE);
        assertThat(orange.expectedAt()).isEqualTo(NOW.minus(Duration.ofHours(12))); // the alert run began 12 h ago
        assertThat(orange.leadTime()).isZero();
        assertThat(orange.quantity("recovery_hours").orElseThrow()).isCloseTo(12, within(1e-9));
        assertThat(orange.message()).isEqualTo("heat stress emergency: THI 86.0, 6.0 h at emergency or worse in 24 h,"
                + " 12.0 h below 75; run the fans and sprinklers, give water and shade, do not move the animals");

        Warning red = model.assess(barn(i -> i < 36 ? 80 : 86), NOW).orElseThrow();
        assertThat(red.level()).isEqualTo(SignalLevel.RED);
        assertThat(red.message()).contains("no hour below 75 to recover");
    }

    @Test
    void risingThiIsWarnedBeforeItReachesTheAlertClass() {
        // 68.5 until 3 h ago, then rising 1.5 per hour: 73 now, 75 in 1 h 20 min
        Warning ahead = model.assess(barn(i -> i < 42 ? 68.5 : 68.5 + 0.75 * (i - 42)), NOW).orElseThrow();

        assertThat(ahead.level()).isEqualTo(SignalLevel.BLUE);
        assertThat(Duration.between(NOW, ahead.expectedAt()).toMinutes()).isBetween(75L, 85L);
        assertThat(ahead.message()).startsWith("heat stress alert expected: THI 73.0 and rising, 75 about 15:20");
        assertThat(ahead.confidence().basis()).contains("3 h trend");
    }

    @Test
    void coolBarnIsSilentAndAStandingWarningClearsOneUnitBelowTheClass() {
        assertThat(model.assess(barn(i -> 70), NOW)).isEmpty();

        Warning warning = model.assess(barn(i -> 76), NOW).orElseThrow();
        assertThat(model.reassess(warning, barn(i -> i < 46 ? 76 : 74.5), NOW)).isInstanceOf(Reassessment.Standing.class);
        assertThat(model.reassess(warning, barn(i -> i < 46 ? 76 : 73.5), NOW))
                .isInstanceOfSatisfying(Reassessment.Resolved.class,
                        r -> assertThat(r.cause()).isEqualTo(Reassessment.Cause.CONDITIONS_CHANGED));
        assertThatThrownBy(() -> model.assess(new LivestockHeatModel.Barn(BARN, CHINA, List.of()), NOW))
                .hasMessageContaining("no THI reading");
    }
}
