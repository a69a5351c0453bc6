package io.agrisense.platform.model.heat;

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
import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Heat stress of housed livestock from the barn's temperature-humidity index (NRC 1971 form,
 * {@link io.agrisense.platform.model.TemperatureHumidityIndex}), classed by the Livestock Weather Safety Index
 * and accumulated over the last 24 hours: hours in each class, THI-hours above 84 (the sum of THI - 84 over the
 * hours above it) and recovery hours below 75, after Hubbard, Stooksbury, Hahn and Mader (1999, J. Prod. Agric.
 * 12:650), for whom a heat wave without night-time recovery is what kills feedlot cattle.
 * <p>
 * A warning is raised when the THI is in the alert class or above, or when its three-hour trend reaches the next
 * class within the next three hours (then ahead of time). Levels: alert blue, danger yellow, emergency orange,
 * and red when the emergency comes with no recovery hour in the last 24 hours (readings covering at least 20 of them). The confidence is P(THI beyond
 * the class bound) with 0.5 THI units of sensor error (0.3 K and 2 %RH propagated at 30 C and 60 %), or the
 * trend's prediction error when projected. A standing warning stays until the THI falls a unit below 75.
 */
public final class LivestockHeatModel {

    static final Duration WINDOW = Duration.ofHours(24);
    static final Duration TREND = Duration.ofHours(3);
    static final Duration HORIZON = Duration.ofHours(3);
    /** A reading stands for the time until the next one, but no longer than this (a gap is not a heat wave). */
    static final Duration MAX_STEP = Duration.ofHours(1);
    static final double SENSOR_SIGMA = 0.5;
    static final double CLEAR_MARGIN = 1.0;
    /** "No recovery in 24 h" is only claimed when readings cover most of the day. */
    static final double MIN_COVERAGE_FOR_RED = 20;

    /** The barn's THI readings. */
    public record Barn(StationId station, ZoneId zone, List<TimedValue> thi) {
        public Barn {
            thi = List.copyOf(thi);
        }
    }

    /** @throws IllegalArgumentException when no THI reading arrived in the hour before {@code now} */
    public Optional<Warning> assess(Barn barn, Instant now) {
        return assess(barn, now, 0);
    }

    public Reassessment reassess(Warning previous, Barn barn, Instant now) {
        return Reassessment.of(previous, assess(barn, now, CLEAR_MARGIN), now);
    }

    private Optional<Warning> assess(Barn barn, Instant now, double margin) {
        TimedValue latest = TimedSeries.latest(barn.thi(), now, MAX_STEP).orElseThrow(() ->
                new IllegalArgumentException("no THI reading at " + barn.station() + " in the hour before " + now));
        List<TimedValue> day = TimedSeries.between(barn.thi(), now.minus(WINDOW), now);
        Accumulation acc = accumulate(day, now);
        LivestockWeatherSafetyIndex current = LivestockWeatherSafetyIndex.of(latest.value() + margin);

        Optional<TrendLine> trend = TrendLine.fit(TimedSeries.between(day, now.minus(TREND), now), 3, Duration.ofHours(1));
        LivestockWeatherSafetyIndex coming = current;
        Instant reachedAt = null;
        if (trend.isPresent() && trend.get().slopePerHour() > 0 && current != LivestockWeatherSafetyIndex.EMERGENCY) {
            double bound = current.next().lowerBound();
            double hours = (bound - latest.value()) / trend.get().slopePerHour();
            if (hours <= TrendLine.hours(now, now.plus(HORIZON))) {
                coming = current.next();
                reachedAt = now.plusMillis(Math.round(Math.max(0, hours) * 3_600_000));
            }
        }
        if (coming == LivestockWeatherSafetyIndex.NORMAL) {
            return Optional.empty();
        }
        SignalLevel level = coming.signal().orElseThrow();
        if (coming == LivestockWeatherSafetyIndex.EMERGENCY && acc.recoveryHours() == 0
                && acc.coveredHours() >= MIN_COVERAGE_FOR_RED) {
            level = SignalLevel.RED;
        }
        boolean ahead = reachedAt != null;
        Instant expected = ahead ? reachedAt : episodeStart(day, now);
        Confidence confidence;
        if (ahead) {
            double sigma = Math.max(SENSOR_SIGMA, finiteOr(trend.get().predictionStdError(reachedAt), SENSOR_SIGMA));
            double projected = trend.get().valueAt(now.plus(HORIZON));
            confidence = Confidence.ofMargin(projected - coming.lowerBound(), sigma, String.format(Locale.ROOT,
                    "P(THI >= %s within 3 h) from the 3 h trend of %s per hour, error %s",
                    WarningText.number(coming.lowerBound(), 0), WarningText.number(trend.get().slopePerHour(), 1),
                    WarningText.number(sigma, 1)));
        } else {
            confidence = Confidence.ofMargin(latest.value() - coming.lowerBound(), SENSOR_SIGMA,
                    "P(THI >= " + WarningText.number(coming.lowerBound(), 0) + ") with 0.5 THI units of sensor error");
        }
        List<KeyFigure> figures = new ArrayList<>(List.of(
                quantity("thi", latest.value(), "1"),
                quantity("hours_alert_or_worse", acc.hoursAtLeast(LivestockWeatherSafetyIndex.ALERT), "h"),
                quantity("hours_danger_or_worse", acc.hoursAtLeast(LivestockWeatherSafetyIndex.DANGER), "h"),
                quantity("hours_emergency", acc.hoursAtLeast(LivestockWeatherSafetyIndex.EMERGENCY), "h"),
                quantity("thi_hours_above_84", acc.thiHoursAbove84(), "h"),
                quantity("recovery_hours", acc.recoveryHours(), "h")));
        if (ahead) {
            figures.add(moment("class_reached_at", reachedAt));
        }
        return Optional.of(new Warning(Hazard.LIVESTOCK_HEAT, "herd", barn.station(), level, now, expected,
                now.plus(MAX_STEP), confidence, figures, sentence(barn, latest, coming, ahead, reachedAt, acc)));
    }

    private static String sentence(Barn barn, TimedValue latest, LivestockWeatherSafetyIndex coming, boolean ahead,
                                   Instant reachedAt, Accumulation acc) {
        String head = ahead
                ? "heat stress " + coming.label() + " expected: THI " + WarningText.number(latest.value(), 1)
                + " and rising, " + WarningText.number(coming.lowerBound(), 0) + " about " + WarningText.about(reachedAt, barn.zone())
                : "heat stress " + coming.label() + ": THI " + WarningText.number(latest.value(), 1) + ", "
                + WarningText.number(acc.hoursAtLeast(coming), 1) + " h at " + coming.label() + " or worse in 24 h";
        String recovery = acc.recoveryHours() == 0 ? ", no hour below 75 to recover"
                : ", " + WarningText.number(acc.recoveryHours(), 1) + " h below 75";
        return head + recovery + "; run the fans and sprinklers, give water and shade, do not move the animals";
    }

    /** When the current run of readings at alert or worse began. */
    private static Instant episodeStart(List<TimedValue> day, Instant now) {
        Instant start = now;
        for (int i = day.size() - 1; i >= 0 && day.get(i).value() >= LivestockWeatherSafetyIndex.ALERT.lowerBound(); i--) {
            start = day.get(i).time();
        }
        return start;
    }

    static Accumulation accumulate(List<TimedValue> day, Instant now) {
        double[] hours = new double[LivestockWeatherSafetyIndex.values().length];
        double thiHours = 0;
        for (int i = 0; i < day.size(); i++) {
            Instant end = i + 1 < day.size() ? day.get(i + 1).time() : now;
            double h = Math.min(TrendLine.hours(day.get(i).time(), end), MAX_STEP.toMinutes() / 60.0);
            double thi = day.get(i).value();
            hours[LivestockWeatherSafetyIndex.of(thi).ordinal()] += h;
            thiHours += Math.max(0, thi - LivestockWeatherSafetyIndex.EMERGENCY.lowerBound()) * h;
        }
        return new Accumulation(hours, thiHours);
    }

    private static double finiteOr(double value, double fallback) {
        return Double.isFinite(value) ? value : fallback;
    }

    /** Hours per class in the window, and THI-hours above 84. */
    record Accumulation(double[] hoursByClass, double thiHoursAbove84) {

        double hoursAtLeast(LivestockWeatherSafetyIndex c) {
            double sum = 0;
            for (int i = c.ordinal(); i < hoursByClass.length; i++) {
                sum += hoursByClass[i];
            }
            return sum;
        }

        double recoveryHours() {
            return hoursByClass[LivestockWeatherSafetyIndex.NORMAL.ordinal()];
        }

        double coveredHours() {
            return hoursAtLeast(LivestockWeatherSafetyIndex.NORMAL);
        }
    }
}
