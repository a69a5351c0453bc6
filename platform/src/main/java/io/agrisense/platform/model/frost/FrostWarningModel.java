package io.agrisense.platform.model.frost;

import static io.agrisense.platform.model.warning.KeyFigure.moment;
import static io.agrisense.platform.model.warning.KeyFigure.quantity;

import io.agrisense.platform.model.TimedSeries;
import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.TrendLine;
import io.agrisense.platform.model.warning.Confidence;
import io.agrisense.platform.model.warning.Hazard;
import io.agrisense.platform.model.warning.KeyFigure;
import io.agrisense.platform.model.warning.Reassessment;
import io.agrisense.platform.model.warning.SignalLevel;
import io.agrisense.platform.model.warning.Warning;
import io.agrisense.platform.model.warning.WarningText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Tonight's frost warning: projects the minimum before sunrise and when the crop's critical temperature is
 * crossed, hours ahead.
 * <ul>
 *   <li>On a radiation night (calm, clear) with a site calibration, from two hours after sunset: the minimum of
 *       Snyder and de Melo-Abreu (FAO 2005, ch. 5) from T0 and Td0, the night's course by their square-root
 *       trend (FTrend), and, as the night goes on, more and more weight on the square-root curve fitted to
 *       tonight's own readings (weight = share of the time from T0 to sunrise elapsed).</li>
 *   <li>On a radiation night without calibration: Brunt's square-root-of-time law fitted to the readings since
 *       sunset (at least three over an hour) and carried to sunrise.</li>
 *   <li>Wind above the calm limit or a cloudy afternoon is no radiation night: the straight-line trend of the
 *       last three hours ({@link FrostRiskModel}), which fits advective cooling better.</li>
 * </ul>
 * The warning fires when the projected minimum reaches the critical temperature; its level follows the CMA
 * frost signals on the projected surface minimum (blue from the crop's critical temperature, yellow at -3,
 * orange at -5 degrees Celsius; the CMA has no red frost signal); its confidence is P(minimum at or below the
 * critical temperature) with the forecast's spread (calibration residuals, fit residuals, or 2 degrees for the
 * straight line, never under 0.5 degree for sensor and canopy scatter). It is valid until sunrise.
 */
public final class FrostWarningModel {

    /** FAO 2005 ch. 5: T0 and Td0 are read two hours after sunset, when the inversion has settled. */
    static final Duration T0_AFTER_SUNSET = Duration.ofHours(2);
    static final Duration STALE = Duration.ofHours(1);
    static final Duration NEAR_T0 = Duration.ofMinutes(30);
    static final int MIN_SAMPLES = 3;
    static final Duration MIN_SPAN = Duration.ofHours(1);
    /** Sensor accuracy (about 0.3 K) plus canopy scatter: no projection is trusted closer than this. */
    static final double SIGMA_FLOOR = 0.5;
    /** No published skill for a straight-line night trend: we take four times the floor. */
    static final double TREND_SIGMA = 2.0;

    private final FrostRiskModel trend = new FrostRiskModel(FrostThresholds.DEFAULT, FrostRiskModel.DEFAULT_LOOKBACK);

    /**
     * @throws IllegalArgumentException when there is no air temperature reading in the hour before {@code now}:
     *                                  the night cannot be assessed (the runtime leaves warnings as they are)
     */
    public Optional<Warning> assess(FrostNight night, FrostSettings settings, Instant now) {
        return assess(night, settings, now, 0);
    }

    /** Looks again at a standing warning; it stays until the projection rises {@code clearMargin} above critical. */
    public Reassessment reassess(Warning previous, FrostNight night, FrostSettings settings, Instant now) {
        return Reassessment.of(previous, assess(night, settings, now, settings.clearMargin()), now);
    }

    private Optional<Warning> assess(FrostNight in, FrostSettings s, Instant now, double margin) {
        Optional<Projection> projected = project(in, s, now);
        if (projected.isEmpty()) {
            return Optional.empty();
        }
        Projection p = projected.get();
        double critical = s.critical().celsius();
        if (p.minimum() > critical + margin) {
            return Optional.empty();
        }
        double surface = p.minimum() - s.surfaceOffset();
        SignalLevel level = surface <= -5 ? SignalLevel.ORANGE : surface <= -3 ? SignalLevel.YELLOW : SignalLevel.BLUE;
        Instant expected = p.crossing(critical, now).orElse(p.minimumAt());
        Instant actBy = expected.minus(s.actionLead()).isAfter(now) ? expected.minus(s.actionLead()) : now;

        List<KeyFigure> figures = new ArrayList<>(List.of(
                quantity("projected_minimum", p.minimum(), "Cel"),
                quantity("critical_temperature", critical, "Cel"),
                quantity("forecast_spread", p.sigma(), "Cel"),
                moment("minimum_at", p.minimumAt()),
                moment("action_by", actBy)));
        p.crossing(critical, now).ifPresent(t -> figures.add(moment("critical_crossing", t)));
        if (critical != 0) {
            p.crossing(0, now).ifPresent(t -> figures.add(moment("zero_crossing", t)));
        }
        OptionalDouble dew = TimedSeries.latest(in.dewPoint(), now, STALE).stream().mapToDouble(TimedValue::value).findFirst();
        dew.ifPresent(d -> figures.add(quantity("dew_point", d, "Cel")));
        FrostRisk.Kind kind = p.minimum() > 0 ? FrostRisk.Kind.NONE
                : dew.isPresent() && dew.getAsDouble() >= p.minimum() ? FrostRisk.Kind.HOAR_FROST : FrostRisk.Kind.BLACK_FROST;

        Confidence confidence = Confidence.ofMargin(critical - p.minimum(), p.sigma(), String.format(
                Locale.ROOT, "P(minimum <= %s Cel) for a normal error of %s K; %s",
                WarningText.number(critical, 1), WarningText.number(p.sigma(), 1), p.method()));
        return Optional.of(new Warning(Hazard.FROST, s.critical().subject(), in.station(), level, now, expected,
                in.night().sunrise(), confidence, figures, sentence(in, s, p, expected, actBy, now, kind)));
    }

    private static String sentence(FrostNight in, FrostSettings s, Projection p, Instant expected, Instant actBy,
                                   Instant now, FrostRisk.Kind kind) {
        String when = expected.equals(now) ? "now" : "about " + WarningText.about(expected, in.zone());
        String head = s.critical() == CriticalTemperature.OPEN_FIELD
                ? "frost likely before dawn, " + when
                : "frost likely before dawn for " + s.critical().subject() + ": below "
                + WarningText.number(s.critical().celsius(), 1) + " °C " + (expected.equals(now) ? "now" : "from " + when);
        String black = kind == FrostRisk.Kind.BLACK_FROST ? " (dry air: black frost, no visible ice)" : "";
        String act = actBy.equals(now) ? "now" : "from " + WarningText.by(actBy, in.zone());
        return head + ", minimum " + WarningText.number(p.minimum(), 1) + " °C" + black
                + "; run the fans or sprinklers " + act;
    }

    /** Tonight's projected minimum and course; empty outside the night or too early in it to tell. */
    Optional<Projection> project(FrostNight in, FrostSettings s, Instant now) {
        if (!in.night().contains(now)) {
            return Optional.empty();
        }
        Instant sunset = in.night().sunset();
        Instant sunrise = in.night().sunrise();
        List<TimedValue> air = TimedSeries.between(in.airTemperature(), sunset.minus(STALE), now);
        TimedValue latest = TimedSeries.latest(air, now, STALE).orElseThrow(() -> new IllegalArgumentException(
                "no air temperature reading at " + in.station() + " in the hour before " + now));
        if (!radiationNight(in, s, now)) {
            FrostRisk risk = trend.assess(air, in.dewPoint(), now, sunrise);
            return Optional.of(new Projection(risk.projectedMinimum(), risk.projectedAt(), TREND_SIGMA,
                    "straight-line trend of the last 3 h, not a radiation night (wind or cloud)", null,
                    risk.coolingPerHour(), latest));
        }
        Instant t0 = sunset.plus(T0_AFTER_SUNSET);
        OptionalDouble temperatureAtT0 = TimedSeries.valueAt(air, t0, NEAR_T0);
        OptionalDouble dewPointAtT0 = TimedSeries.valueAt(in.dewPoint(), t0, NEAR_T0);
        Projection p;
        if (s.calibration() != null && !now.isBefore(t0) && temperatureAtT0.isPresent() && dewPointAtT0.isPresent()) {
            p = calibrated(s.calibration(), t0, temperatureAtT0.getAsDouble(), dewPointAtT0.getAsDouble(), air,
                    sunrise, now, latest);
        } else {
            Optional<SqrtTimeCooling> fitted = SqrtTimeCooling.fit(sunset, air, MIN_SAMPLES, MIN_SPAN);
            if (fitted.isEmpty()) {
                return Optional.empty();
            }
            SqrtTimeCooling curve = fitted.get();
            double sigma = curve.predictionStdError(sunrise);
            p = new Projection(curve.temperatureAt(sunrise), sunrise, floor(sigma), String.format(Locale.ROOT,
                    "square-root-of-time cooling (Brunt 1941) fitted to %d readings since sunset", curve.fit().n()),
                    curve, 0, latest);
        }
        if (p.minimum() > latest.value()) { // the curve warms: nothing colder than now is projected
            return Optional.of(new Projection(latest.value(), latest.time(), p.sigma(), p.method(), null, 0, latest));
        }
        return Optional.of(p);
    }

    private static Projection calibrated(MinimumTemperatureForecast forecast, Instant t0, double temperature,
                                         double dewPoint, List<TimedValue> air, Instant sunrise, Instant now,
                                         TimedValue latest) {
        double predicted = forecast.predict(temperature, dewPoint);
        String method = String.format(Locale.ROOT, "FAO 2005 minimum forecast %s Cel from T0 %s and Td0 %s Cel (%d calibration nights)",
                WarningText.number(predicted, 1), WarningText.number(temperature, 1), WarningText.number(dewPoint, 1),
                forecast.nights());
        Optional<SqrtTimeCooling> tonight = SqrtTimeCooling.fit(t0, TimedSeries.between(air, t0, now), MIN_SAMPLES, MIN_SPAN);
        double minimum = predicted;
        double sigma = forecast.residualStd();
        if (tonight.isPresent()) {
            double weight = Math.min(1, Math.max(0, TrendLine.hours(t0, now) / TrendLine.hours(t0, sunrise)));
            double observedSigma = tonight.get().predictionStdError(sunrise);
            minimum = (1 - weight) * predicted + weight * tonight.get().temperatureAt(sunrise);
            sigma = (1 - weight) * sigma + weight * (Double.isFinite(observedSigma) ? observedSigma : sigma);
            method += String.format(Locale.ROOT, ", %s%% weight on tonight's square-root cooling",
                    WarningText.number(100 * weight, 0));
        }
        SqrtTimeCooling curve = SqrtTimeCooling.through(t0, temperature, sunrise, minimum);
        return new Projection(minimum, sunrise, floor(sigma), method, curve, 0, latest);
    }

    private static boolean radiationNight(FrostNight in, FrostSettings s, Instant now) {
        OptionalDouble wind = TimedSeries.mean(TimedSeries.between(in.windSpeed(), now.minus(STALE), now));
        boolean calm = wind.isEmpty() || wind.getAsDouble() <= s.calmWind();
        boolean clear = in.skyClearness().isEmpty() || in.skyClearness().getAsDouble() >= s.clearSky();
        return calm && clear;
    }

    private static double floor(double sigma) {
        return Double.isFinite(sigma) ? Math.max(SIGMA_FLOOR, sigma) : SIGMA_FLOOR;
    }

    /**
     * @param curve        the square-root course of the night, or null for the straight-line trend
     * @param slopePerHour the straight-line trend (used without a curve)
     */
    record Projection(double minimum, Instant minimumAt, double sigma, String method, SqrtTimeCooling curve,
                      double slopePerHour, TimedValue latest) {

        /** When the air reaches {@code threshold} before the minimum; {@code now} when it already has. */
        Optional<Instant> crossing(double threshold, Instant now) {
            if (latest.value() <= threshold) {
                return Optional.of(now);
            }
            Optional<Instant> t;
            if (curve != null) {
                t = curve.crossing(threshold);
            } else if (slopePerHour < 0) {
                double hours = (threshold - latest.value()) / slopePerHour;
                t = Optional.of(latest.time().plusMillis(Math.round(hours * 3_600_000)));
            } else {
                t = Optional.empty();
            }
            return t.map(at -> at.isBefore(now) ? now : at).filter(at -> !at.isAfter(minimumAt));
        }
    }
}
