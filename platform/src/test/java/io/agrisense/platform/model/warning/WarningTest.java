package io.agrisense.platform.model.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarningTest {

    private static final Instant NOW = Instant.parse("2024-03-10T13:00:00Z");
    private static final StationId STATION = StationId.of("pond-02");

    private static Warning warning(Instant expected, Instant validUntil) {
        return new Warning(Hazard.LOW_OXYGEN, "pond", STATION, SignalLevel.YELLOW, NOW, expected, validUntil,
                new Confidence(0.8, "fit residuals"),
                List.of(KeyFigure.quantity("projected_minimum", 2.1, "mg/L"), KeyFigure.moment("aerator_start", NOW)),
                "oxygen will fall below 3.0 mg/L around 02:00");
    }

    @Test
    void leadTimeIsTheTimeToTheEventAndNeverNegative() {
        assertThat(warning(NOW.plus(Duration.ofHours(5)), NOW.plus(Duration.ofHours(9))).leadTime()).isEqualTo(Duration.ofHours(5));
        assertThat(warning(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1))).leadTime()).isZero();
    }

    @Test
    void figuresAndKeyAreFoundByName() {
        Warning w = warning(NOW.plus(Duration.ofHours(5)), NOW.plus(Duration.ofHours(9)));
        assertThat(w.key()).isEqualTo("low_oxygen/pond");
        assertThat(w.quantity("projected_minimum").orElseThrow()).isEqualTo(2.1);
        assertThat(w.quantity("absent")).isEmpty();
        assertThat(w.moment("aerator_start")).contains(NOW);
    }

    @Test
    void malformedWarningsAreRejected() {
        assertThatThrownBy(() -> warning(NOW, NOW)).hasMessageContaining("must end after");
        assertThatThrownBy(() -> new Confidence(1.2, "x")).hasMessageContaining("0..1");
        assertThatThrownBy(() -> new Confidence(0.5, " ")).hasMessageContaining("basis");
        assertThatThrownBy(() -> KeyFigure.quantity("x", Double.NaN, "mm")).hasMessageContaining("finite");
    }

    @Test
    void reassessmentStandsResolvesAsPassedOrAsChanged() {
        Warning w = warning(NOW.plus(Duration.ofHours(5)), NOW.plus(Duration.ofHours(9)));
        Warning fresh = warning(NOW.plus(Duration.ofHours(4)), NOW.plus(Duration.ofHours(9)));

        assertThat(Reassessment.of(w, Optional.of(fresh), NOW)).isEqualTo(new Reassessment.Standing(fresh));
        assertThat(Reassessment.of(w, Optional.empty(), NOW.plus(Duration.ofHours(2))))
                .isInstanceOfSatisfying(Reassessment.Resolved.class, r -> {
                    assertThat(r.cause()).isEqualTo(Reassessment.Cause.CONDITIONS_CHANGED);
                    assertThat(r.reason()).isEqualTo("low_oxygen no longer expected for pond: conditions changed");
                });
        assertThat(Reassessment.of(w, Optional.empty(), NOW.plus(Duration.ofHours(9))))
                .isInstanceOfSatisfying(Reassessment.Resolved.class,
                        r -> assertThat(r.cause()).isEqualTo(Reassessment.Cause.MOMENT_PASSED));
    }

    @Test
    void normalDistributionMatchesTheTables() {
        // Abramowitz and Stegun Table 26.1: P(1.96) = 0.9750021, P(1) = 0.8413447, P(0) = 0.5
        assertThat(Confidence.normalCdf(1.96)).isCloseTo(0.9750021, within(1e-7));
        assertThat(Confidence.normalCdf(-1)).isCloseTo(1 - 0.8413447, within(1e-7));
        assertThat(Confidence.normalCdf(0)).isCloseTo(0.5, within(1e-9));
        assertThat(Confidence.ofMargin(0.5, 0.5, "x").value()).isCloseTo(0.8413447, within(1e-7));
        assertThatThrownBy(() -> Confidence.ofMargin(1, 0, "x")).hasMessageContaining("positive spread");
    }

    @Test
    void levelsOrderFromBlueToRed() {
        assertThat(SignalLevel.ORANGE.isAtLeast(SignalLevel.YELLOW)).isTrue();
        assertThat(SignalLevel.BLUE.isAtLeast(SignalLevel.YELLOW)).isFalse();
        assertThat(SignalLevel.max(SignalLevel.RED, SignalLevel.BLUE)).isEqualTo(SignalLevel.RED);
        assertThat(SignalLevel.RED.grade()).isEqualTo("I");
        assertThat(SignalLevel.BLUE.chineseName()).isEqualTo("蓝色");
    }

    @Test
    void textRoundsTimesSafely() {
        ZoneId china = ZoneId.of("Asia/Shanghai");
        Instant t = Instant.parse("2024-03-10T19:32:40Z"); // 03:32:40 local
        assertThat(WarningText.clock(t, china)).isEqualTo("03:33");
        assertThat(WarningText.about(t, china)).isEqualTo("03:35");
        assertThat(WarningText.by(t, china)).isEqualTo("03:30");
        assertThat(WarningText.day(LocalDate.of(2024, 6, 12))).isEqualTo("12 Jun");
        assertThat(WarningText.number(-0.04, 1)).isEqualTo("0.0");
        assertThat(WarningText.number(-1.25, 2)).isEqualTo("-1.25");
    }
}
