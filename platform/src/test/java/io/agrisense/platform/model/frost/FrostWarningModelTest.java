package io.agrisense.platform.model.frost;

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
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class FrostWarningModelTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** 18:15 to 06:30 local: a 12.25 h March night. */
    private static final SolarGeometry.Night NIGHT = new SolarGeometry.Night(
            Instant.parse("2024-03-10T10:15:00Z"), Instant.parse("2024-03-10T22:30:00Z"));
    private static final StationId STATION = StationId.of("orchard-01");
    /** A radiation night by Brunt's law: 10 C at sunset, -1.5 C at sunrise (sqrt of 12.25 h is 3.5). */
    private static final DoubleUnaryOperator FROSTY = h -> 10 - (11.5 / 3.5) * Math.sqrt(h);

    private final FrostWarningModel model = new FrostWarningModel();

    /** Readings every 10 minutes from sunset to {@code until}. */
    private static List<TimedValue> readings(DoubleUnaryOperator byHoursSinceSunset, Instant until) {
        List<TimedValue> out = new ArrayList<>();
        for (Instant t = NIGHT.sunset(); !t.isAfter(until); t = t.plus(Duration.ofMinutes(10))) {
            double hours = Duration.between(NIGHT.sunset(), t).toSeconds() / 3600.0;
            out.add(TimedValue.of(t, byHoursSinceSunset.applyAsDouble(hours)));
        }
        return out;
    }

    private static FrostNight night(DoubleUnaryOperator air, double dewPoint, double wind, Instant now) {
        return new FrostNight(STATION, CHINA, NIGHT, readings(air, now), readings(h -> dewPoint, now),
                readings(h -> wind, now), OptionalDouble.empty());
    }

    @Test
    void radiationNightWarnsHoursAheadWithTheCrossingTimeAndMinimum() {
        Instant now = NIGHT.sunset().plus(Duration.ofHours(3)); // 21:15
        Warning warning = model.assess(night(FROSTY, -1.0, 0.8, now), FrostSettings.forCrop(CriticalTemperature.OPEN_FIELD), now)
                .orElseThrow();

        // 0 C when sqrt(h) = 10 / 3.2857 -> h = 9.2628 h after sunset = 03:30:46 local
        Instant zero = NIGHT.sunset().plusMillis(Math.round(Math.pow(10 / (11.5 / 3.5), 2) * 3_600_000));
        assertThat(warning.hazard()).isEqualTo(Hazard.FROST);
        assertThat(warning.subject()).isEqualTo("crops");
        assertThat(warning.level()).isEqualTo(SignalLevel.BLUE);
        assertThat(Duration.between(zero, warning.expectedAt()).abs()).isLessThan(Duration.ofSeconds(30));
        assertThat(warning.leadTime()).isBetween(Duration.ofMinutes(375), Duration.ofMinutes(376));
        assertThat(warning.validUntil()).isEqualTo(NIGHT.sunrise());
        assertThat(warning.quantity("projected_minimum").orElseThrow()).isCloseTo(-1.5, within(1e-6));
        assertThat(warning.moment("minimum_at")).contains(NIGHT.sunrise());
        assertThat(warning.message()).isEqualTo(
                "frost likely before dawn, about 03:30, minimum -1.5 °C; run the fans or sprinklers from 02:30");
        // P(min <= 0) with the 0.5 K floor: Phi(3) = 0.99865
        assertThat(warning.confidence().value()).isCloseTo(0.99865, within(1e-4));
        assertThat(warning.confidence().basis()).contains("square-root-of-time");
    }

    @Test
    void teaShootsAreWarnedAtTheirOwnCriticalTemperature() {
        Instant now = NIGHT.sunset().plus(Duration.ofHours(3));
        Warning warning = model.assess(night(FROSTY, -4.0, 0.8, now),
                FrostSettings.forCrop(CriticalTemperature.TEA_SPRING_SHOOTS), now).orElseThrow();

        // 4 C when sqrt(h) = 6 / 3.2857 -> 3.335 h after sunset (21:35); the fans must run now
        assertThat(warning.subject()).isEqualTo("tea shoots");
        assertThat(warning.expectedAt()).isBetween(Instant.parse("2024-03-10T13:35:00Z"), Instant.parse("2024-03-10T13:36:00Z"));
        assertThat(warning.moment("zero_crossing")).isPresent();
        assertThat(warning.message()).isEqualTo("frost likely before dawn for tea shoots: below 4.0 °C from about 21:35,"
                + " minimum -1.5 °C (dry air: black frost, no visible ice); run the fans or sprinklers now");
    }

    @Test
    void calibratedForecastFromTwoHoursAfterSunsetFollowsTheFaoRegression() {
        MinimumTemperatureForecast site = MinimumTemperatureForecast.calibrate(MinimumTemperatureForecastTest.sampleNights());
        Instant t0 = NIGHT.sunset().plus(Duration.ofHours(2));
        // the first FAO sample night: 3.2 C and dew point -4.2 C at T0
        FrostNight tonight = new FrostNight(STATION, CHINA, NIGHT, readings(h -> 3.2 + 2 * (2 - h), t0),
                readings(h -> -4.2, t0), List.of(), OptionalDouble.empty());

        Warning warning = model.assess(tonight, FrostSettings.forCrop(CriticalTemperature.OPEN_FIELD).withCalibration(site), t0)
                .orElseThrow();

        double predicted = site.predict(3.2, -4.2); // -4.32
        assertThat(warning.quantity("projected_minimum").orElseThrow()).isCloseTo(predicted, within(1e-9));
        assertThat(warning.level()).isEqualTo(SignalLevel.YELLOW); // -3 or below: CMA yellow frost signal
        assertThat(warning.quantity("forecast_spread").orElseThrow()).isCloseTo(site.residualStd(), within(1e-9));
        // FTrend from T0: 0 C at sqrt(h) = 3.2 / ((3.2 - Tp) / sqrt(10.25))
        double hours = Math.pow(3.2 / ((3.2 - predicted) / Math.sqrt(10.25)), 2);
        assertThat(Duration.between(t0, warning.expectedAt()).toSeconds() / 3600.0).isCloseTo(hours, within(1e-3));
        assertThat(warning.confidence().basis()).contains("FAO 2005 minimum forecast").contains("10 calibration nights");
    }

    @Test
    void surfaceOffsetRaisesTheLevelOnTheCmaGroundMinimum() {
        Instant now = NIGHT.sunset().plus(Duration.ofHours(3));
        FrostSettings measured = FrostSettings.forCrop(CriticalTemperature.OPEN_FIELD).withSurfaceOffset(4.0);
        // -1.5 C air, -5.5 C at the surface: orange
        assertThat(model.assess(night(FROSTY, -1.0, 0.5, now), measured, now).orElseThrow().level())
                .isEqualTo(SignalLevel.ORANGE);
    }

    @Test
    void mildControlNightRaisesNothing() {
        Instant now = NIGHT.sunset().plus(Duration.ofHours(4));
        // 12 C at sunset, 5 C at sunrise
        assertThat(model.assess(night(h -> 12 - 2 * Math.sqrt(h), 2.0, 0.5, now),
                FrostSettings.forCrop(CriticalTemperature.OPEN_FIELD), now)).isEmpty();
    }

    @Test
    void windyNightFallsBackToTheStraightTrendWithLessConfidence() {
        Instant now = NIGHT.sunset().plus(Duration.ofHours(6));
        // advective cooling, 0.6 K per hour from 6 C: -2.9 C at sunrise, 6.25 h later
        Warning warning = model.assess(night(h -> 6 - 0.6 * h, -6.0, 4.5, now),
                FrostSettings.forCrop(CriticalTemperature.OPEN_FIELD), now).orElseThrow();

        assertThat(warning.quantity("projected_minimum").orElseThrow()).isCloseTo(2.4 - 0.6 * 6.25, within(1e-6));
        assertThat(warning.quantity("forecast_spread").orElseThrow()).isEqualTo(2.0);
        assertThat(warning.confidence().basis()).contains("straight-line trend");
        assertThat(warning.confidence().value()).isCloseTo(0.75016, within(1e-4)); // Phi(1.35 / 2)
    }

    @Test
    void tooEarlyOutsideTheNightOrWithoutReadings() {
        FrostSettings settings = FrostSettings.forCrop(CriticalTemperature.OPEN_FIELD);
        Instant early = NIGHT.sunset().plus(Duration.ofMinutes(40));
        assertThat(model.assess(night(FROSTY, -1, 0, early), settings, early)).isEmpty();
        Instant noon = NIGHT.sunset().minus(Duration.ofHours(5));
        assertThat(model.assess(night(FROSTY, -1, 0, noon), settings, noon)).isEmpty();
        Instant late = NIGHT.sunset().plus(Duration.ofHours(5));
        FrostNight stale = night(FROSTY, -1, 0, NIGHT.sunset().plus(Duration.ofHours(3)));
        assertThatThrownBy(() -> model.assess(stale, settings, late)).hasMessageContaining("no air temperature reading");
    }

    @Test
    void reassessmentResolvesWhenTheMomentPassesOrTheNightTurns() {
        FrostSettings settings = FrostSettings.forCrop(CriticalTemperature.OPEN_FIELD);
        Instant evening = NIGHT.sunset().plus(Duration.ofHours(3));
        Warning warning = model.assess(night(FROSTY, -1, 0.5, evening), settings, evening).orElseThrow();

        Instant later = NIGHT.sunset().plus(Duration.ofHours(5));
        assertThat(model.reassess(warning, night(FROSTY, -1, 0.5, later), settings, later))
                .isInstanceOf(Reassessment.Standing.class);

        // clouds: the air stops cooling at 3.5 C after 4 h
        DoubleUnaryOperator clouded = h -> h < 4 ? FROSTY.applyAsDouble(h) : FROSTY.applyAsDouble(4);
        Instant overcast = NIGHT.sunset().plus(Duration.ofHours(7));
        Reassessment changed = model.reassess(warning, new FrostNight(STATION, CHINA, NIGHT, readings(clouded, overcast),
                List.of(), List.of(), OptionalDouble.of(0.3)), settings, overcast);
        assertThat(changed).isInstanceOfSatisfying(Reassessment.Resolved.class,
                r -> assertThat(r.cause()).isEqualTo(Reassessment.Cause.CONDITIONS_CHANGED));

        Instant morning = NIGHT.sunrise().plus(Duration.ofMinutes(5));
        assertThat(model.reassess(warning, night(FROSTY, -1, 0.5, morning), settings, morning))
                .isInstanceOfSatisfying(Reassessment.Resolved.class,
                        r -> assertThat(r.cause()).isEqualTo(Reassessment.Cause.MOMENT_PASSED));
    }

    @Test
    void aProjectionJustAboveCriticalKeepsAStandingWarningButRaisesNoNewOne() {
        FrostSettings settings = FrostSettings.forCrop(CriticalTemperature.OPEN_FIELD);
        Instant now = NIGHT.sunset().plus(Duration.ofHours(3));
        Warning warning = model.assess(night(FROSTY, -1, 0.5, now), settings, now).orElseThrow();
        // a night ending at +0.5 C: within the 1 K clearing margin
        DoubleUnaryOperator marginal = h -> 10 - (9.5 / 3.5) * Math.sqrt(h);
        FrostNight tonight = night(marginal, -1, 0.5, now);

        assertThat(model.assess(tonight, settings, now)).isEmpty();
        assertThat(model.reassess(warning, tonight, settings, now)).isInstanceOf(Reassessment.Standing.class);
    }
}
