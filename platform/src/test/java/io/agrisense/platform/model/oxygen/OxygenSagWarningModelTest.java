package io.agrisense.platform.model.oxygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.evapotranspiration.SolarGeometry;
import io.agrisense.platform.model.warning.Hazard;
import io.agrisense.platform.model.warning.Reassessment;
import io.agrisense.platform.model.warning.SignalLevel;
import io.agrisense.platform.model.warning.Warning;
import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class OxygenSagWarningModelTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** A July night at a Jianghan crayfish pond: dusk 19:00, dawn 05:30 local. */
    private static final SolarGeometry.Night NIGHT = new SolarGeometry.Night(
            Instant.parse("2024-07-01T11:00:00Z"), Instant.parse("2024-07-01T21:30:00Z"));
    private static final StationId POND = StationId.of("pond-01");

    private final OxygenSagWarningModel model = new OxygenSagWarningModel();
    private final OxygenSagSettings crayfish = OxygenSagSettings.forBands(OxygenBands.CRAYFISH);

    private static List<TimedValue> every15Minutes(DoubleUnaryOperator byHoursSinceDusk, Instant until) {
        List<TimedValue> out = new ArrayList<>();
        for (Instant t = NIGHT.sunset(); !t.isAfter(until); t = t.plus(Duration.ofMinutes(15))) {
            out.add(TimedValue.of(t, byHoursSinceDusk.applyAsDouble(Duration.between(NIGHT.sunset(), t).toSeconds() / 3600.0)));
        }
        return out;
    }

    private static OxygenNight night(DoubleUnaryOperator oxygen, Instant now) {
        return new OxygenNight(POND, CHINA, NIGHT, every15Minutes(oxygen, now), List.of());
    }

    @Test
    void linearSagWarnsOfTheCrossingAndStartsTheAeratorTwoHoursAhead() {
        // Boyd's straight line: 8.0 mg/L at dusk, -5/7 mg/L per hour -> 3.0 at 02:00, 0.5 at dawn 05:30
        Instant now = NIGHT.sunset().plus(Duration.ofHours(3)); // 22:00
        OxygenSagSettings linear = crayfish.withMethod(NightOxygenProjection.Method.LINEAR);
        Warning warning = model.assess(night(h -> 8 - h * 5 / 7.0, now), linear, now).orElseThrow();

        assertThat(warning.hazard()).isEqualTo(Hazard.LOW_OXYGEN);
        assertThat(warning.level()).isEqualTo(SignalLevel.YELLOW);
        assertThat(Duration.between(Instant.parse("2024-07-01T18:00:00Z"), warning.expectedAt()).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(warning.leadTime()).isBetween(Duration.ofMinutes(239), Duration.ofMinutes(241));
        assertThat(warning.moment("aerator_start").orElseThrow()).isBetween(
                Instant.parse("2024-07-01T15:59:55Z"), Instant.parse("2024-07-01T16:00:05Z"));
        assertThat(warning.quantity("projected_dawn").orElseThrow()).isCloseTo(0.5, within(1e-6));
        assertThat(warning.validUntil()).isEqualTo(NIGHT.sunrise());
        assertThat(warning.message()).isEqualTo("oxygen will fall below 3.0 mg/L around 02:00, 0.5 mg/L by dawn; run the aerator from 00:00");
    }

    @Test
    void logLinearSagFollowsMadenjiansExponentialDecline() {
        // DO = 9 exp(-0.15 h): 3.0 mg/L at h = ln 3 / 0.15 = 7.324 h (02:19), 9 exp(-1.575) = 1.863 at dawn
        Instant now = NIGHT.sunset().plus(Duration.ofHours(2));
        Warning warning = model.assess(night(h -> 9 * Math.exp(-0.15 * h), now), crayfish, now).orElseThrow();

        assertThat(warning.quantity("projected_dawn").orElseThrow()).isCloseTo(9 * Math.exp(-0.15 * 10.5), within(1e-6));
        assertThat(warning.quantity("evening_rate").orElseThrow()).isCloseTo(-0.15, within(1e-9));
        Instant crossing = NIGHT.sunset().plusMillis(Math.round(Math.log(3) / 0.15 * 3_600_000));
        assertThat(Duration.between(crossing, warning.expectedAt()).abs()).isLessThan(Duration.ofSeconds(30));
        assertThat(warning.confidence().basis()).contains("log-linear (Madenjian et al. 1987)");
        assertThat(warning.confidence().value()).isGreaterThan(0.99); // dawn 1.1 mg/L under 3.0 with a 0.2 mg/L floor
    }

    @Test
    void coolingWaterSlowsTheRespirationAsTheNightGoesOn() {
        // linear sag of 0.5 mg/L/h at 28 C; the water cools 0.4 K per hour: the rate falls by 1.047^(-0.4 h)
        Instant now = NIGHT.sunset().plus(Duration.ofHours(2));
        OxygenNight pond = new OxygenNight(POND, CHINA, NIGHT, every15Minutes(h -> 7 - 0.5 * h, now),
                every15Minutes(h -> 28 - 0.4 * h, now));
        NightOxygenProjection.Sag sag = NightOxygenProjection.project(NightOxygenProjection.Method.LINEAR,
                pond.dissolvedOxygen(), pond.waterTemperature(), NIGHT.sunset(), NIGHT.sunrise(), 1.047, 4,
                Duration.ofMinutes(90), now).orElseThrow();

        // evening mean 27.6 C at h = 1; from h = 2 to 10.5: integral of -0.5 * 1.047^(-0.4 (h - 1)) dh
        double k = 0.4 * Math.log(1.047);
        double analytic = 6 - 0.5 * (Math.exp(-k * 1) - Math.exp(-k * 9.5)) / k;
        assertThat(sag.dawnValue()).isCloseTo(analytic, within(1e-3));
        assertThat(sag.dawnValue()).isGreaterThan(6 - 0.5 * 8.5); // warmer than without correction
        assertThat(sag.eveningTemperature()).isCloseTo(27.6, within(1e-9));
    }

    @Test
    void aSagCrossingWithinTheAeratorLeadIsOrangeAndAnUnderLethalDawnRed() {
        Instant now = NIGHT.sunset().plus(Duration.ofHours(5)); // 00:00, crossing at 02:00
        OxygenSagSettings linear = crayfish.withMethod(NightOxygenProjection.Method.LINEAR);
        Instant late = NIGHT.sunset().plus(Duration.ofHours(5).plusMinutes(30)); // 00:30, crossing in 1.5 h
        Warning orange = model.assess(night(h -> 8 - h * 5 / 7.0, late), linear, late).orElseThrow();
        assertThat(orange.level()).isEqualTo(SignalLevel.ORANGE);
        assertThat(orange.message()).endsWith("run the aerator now");
        assertThat(model.assess(night(h -> 8 - h * 5 / 7.0, now), linear.withLethalBelow(1.0), now).orElseThrow().level())
                .isEqualTo(SignalLevel.RED);
    }

    @Test
    void aShallowSagBelowTheWarningBandIsBlueAndAControlNightSilent() {
        Instant now = NIGHT.sunset().plus(Duration.ofHours(3));
        // 7.5 mg/L at dusk, -0.32 mg/L/h: 4.14 at dawn
        Warning blue = model.assess(night(h -> 7.5 - 0.32 * h, now), crayfish.withMethod(NightOxygenProjection.Method.LINEAR), now)
                .orElseThrow();
        assertThat(blue.level()).isEqualTo(SignalLevel.BLUE);
        assertThat(blue.expectedAt()).isEqualTo(NIGHT.sunrise());
        assertThat(blue.message()).isEqualTo("oxygen will sag to 4.1 mg/L by dawn, below the 5.0 mg/L the stock needs"
                + " to feed and grow; watch the pond and keep the aerator ready");
        assertThat(model.assess(night(h -> 9 - 0.2 * h, now), crayfish, now)).isEmpty(); // 6.9 at dawn
    }

    @Test
    void tooEarlyStaleOrNegativeReadings() {
        Instant early = NIGHT.sunset().plus(Duration.ofMinutes(75));
        assertThat(model.assess(night(h -> 8 - h, early), crayfish, early)).isEmpty();
        Instant now = NIGHT.sunset().plus(Duration.ofHours(4));
        OxygenNight silent = night(h -> 8 - h, NIGHT.sunset().plus(Duration.ofHours(2)));
        assertThatThrownBy(() -> model.assess(silent, crayfish, now)).hasMessageContaining("no dissolved oxygen reading");
        assertThatThrownBy(() -> model.assess(night(h -> 1 - h, now), crayfish, now)).hasMessageContaining("negative");
    }

    @Test
    void aeratorRunningResolvesTheWarningAndDawnEndsIt() {
        OxygenSagSettings linear = crayfish.withMethod(NightOxygenProjection.Method.LINEAR);
        Instant now = NIGHT.sunset().plus(Duration.ofHours(3));
        Warning warning = model.assess(night(h -> 8 - h * 5 / 7.0, now), linear, now).orElseThrow();

        // the aerator ran from 23:00: oxygen rises again
        DoubleUnaryOperator aerated = h -> h < 4 ? 8 - h * 5 / 7.0 : 8 - 4 * 5 / 7.0 + 0.8 * (h - 4);
        Instant later = NIGHT.sunset().plus(Duration.ofHours(6));
        Reassessment resolved = model.reassess(warning, new OxygenNight(POND, CHINA, NIGHT,
                every15Minutes(aerated, later).subList(16, 25), List.of()), linear, later);
        assertThat(resolved).isInstanceOfSatisfying(Reassessment.Resolved.class,
                r -> assertThat(r.cause()).isEqualTo(Reassessment.Cause.CONDITIONS_CHANGED));

        Instant morning = NIGHT.sunrise().plus(Duration.ofMinutes(1));
        assertThat(model.reassess(warning, night(h -> 8 - h * 5 / 7.0, morning), linear, morning))
                .isInstanceOfSatisfying(Reassessment.Resolved.class,
                        r -> assertThat(r.cause()).isEqualTo(Reassessment.Cause.MOMENT_PASSED));
    }
}
