package io.agrisense.platform.model.heat;

import static io.agrisense.platform.model.warning.KeyFigure.quantity;

import io.agrisense.platform.model.DailySeries;
import io.agrisense.platform.model.warning.Confidence;
import io.agrisense.platform.model.warning.Hazard;
import io.agrisense.platform.model.warning.KeyFigure;
import io.agrisense.platform.model.warning.Reassessment;
import io.agrisense.platform.model.warning.SignalLevel;
import io.agrisense.platform.model.warning.Warning;
import io.agrisense.platform.model.warning.WarningText;
import io.agrisense.protocol.StationId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * High-temperature injury of tea by the grade index of Li, Wang, Tang, Wang, Li and Huo (2024, "High
 * temperature heat damage grade index of tea plants and its distribution characteristics in Southern Yangtze
 * River and South China", J. Appl. Meteorol. Sci. 35(1), doi:10.11898/1001-7313.20240105): the 14-day moving
 * mean of the daily maximum, T14, at or above 34.5 degrees Celsius for 1-17 days is mild, 18-38 days moderate,
 * more than 38 days severe injury. Mild is blue, moderate yellow, severe orange; the CMA high-temperature signal
 * on the same days ({@link HighTemperatureSignal}) raises the level when it is higher.
 * <p>
 * Before an episode, T14 is carried forward with the mean maximum of the last three days (persistence): if it
 * reaches 34.5 within three days, a blue warning comes ahead, dated that day at 14:00. Confidence: P(T14 beyond
 * 34.5) with the standard error of the 14-day mean (never under 0.2 K).
 */
public final class TeaHeatModel {

    static final double T14_THRESHOLD = 34.5;
    static final int WINDOW = 14;
    static final int MILD_UP_TO = 17;
    static final int MODERATE_UP_TO = 38;
    static final int LOOK_AHEAD_DAYS = 3;
    static final LocalTime AFTERNOON = LocalTime.of(14, 0);

    /** Daily maxima at the garden, consecutive, oldest first, the last one today's (or yesterday's). */
    public record Garden(StationId station, ZoneId zone, List<DailyMaximum> days) {
        public Garden {
            days = DailySeries.requireConsecutive(days, DailyMaximum::date);
        }
    }

    public Optional<Warning> assess(Garden garden, Instant now) {
        List<DailyMaximum> days = garden.days();
        if (days.isEmpty()) {
            return Optional.empty();
        }
        DailyMaximum today = days.get(days.size() - 1);
        DailySeries.requireRecent(today.date(), garden.zone(), now);
        Optional<SignalLevel> cma = HighTemperatureSignal.of(days);
        int run = 0;
        for (int end = days.size(); end >= WINDOW && t14(days, end) >= T14_THRESHOLD; end--) {
            run++;
        }
        Optional<SignalLevel> grade = run == 0 ? Optional.empty()
                : Optional.of(run <= MILD_UP_TO ? SignalLevel.BLUE : run <= MODERATE_UP_TO ? SignalLevel.YELLOW : SignalLevel.ORANGE);
        Optional<LocalDate> aheadDay = run == 0 ? projectedStart(days) : Optional.empty();
        if (grade.isEmpty() && aheadDay.isEmpty() && cma.isEmpty()) {
            return Optional.empty();
        }
        SignalLevel level = SignalLevel.max(grade.or(() -> aheadDay.map(d -> SignalLevel.BLUE)).orElse(SignalLevel.BLUE),
                cma.orElse(SignalLevel.BLUE));
        double sigma = days.size() >= WINDOW ? Math.max(0.2, standardError(days.subList(days.size() - WINDOW, days.size()))) : 0.3;
        double t14 = days.size() >= WINDOW ? t14(days, days.size()) : Double.NaN;
        Instant expected;
        Confidence confidence;
        if (run > 0) {
            expected = afternoon(today.date().minusDays(run - 1L), garden.zone());
            confidence = Confidence.ofMargin(t14 - T14_THRESHOLD, sigma,
                    "P(T14 >= 34.5 Cel) with the standard error of the 14-day mean, " + WarningText.number(sigma, 2) + " K");
        } else if (aheadDay.isPresent()) {
            expected = afternoon(aheadDay.get(), garden.zone());
            confidence = Confidence.ofMargin(persistedT14(days, (int) (aheadDay.get().toEpochDay() - today.date().toEpochDay()))
                    - T14_THRESHOLD, sigma, "P(T14 >= 34.5 Cel) if the last three days' heat persists, error "
                    + WarningText.number(sigma, 2) + " K");
        } else {
            expected = now;
            confidence = Confidence.ofMargin(today.celsius() - HighTemperatureSignal.HOT_DAY, 0.3,
                    "P(maximum >= 35 Cel) with 0.3 K of sensor error");
        }
        if (expected.isAfter(now) && run > 0) {
            expected = now;
        }
        List<KeyFigure> figures = new ArrayList<>(List.of(
                quantity("today_maximum", today.celsius(), "Cel"),
                quantity("injury_days", run, "d"),
                quantity("hot_days_14", HighTemperatureSignal.hotDays(days.subList(Math.max(0, days.size() - WINDOW), days.size())), "d")));
        if (Double.isFinite(t14)) {
            figures.add(quantity("t14", t14, "Cel"));
        }
        return Optional.of(new Warning(Hazard.CROP_HEAT, "tea", garden.station(), level, now, expected,
                today.date().plusDays(2).atStartOfDay(garden.zone()).toInstant(), confidence, figures,
                sentence(run, t14, aheadDay, today, cma)));
    }

    /** Daily: a new day's assessment replaces the warning or, with none, resolves it. */
    public Reassessment reassess(Warning previous, Garden garden, Instant now) {
        return Reassessment.of(previous, assess(garden, now), now);
    }

    private static String sentence(int run, double t14, Optional<LocalDate> aheadDay, DailyMaximum today,
                                   Optional<SignalLevel> cma) {
        String advice = "; shade the bushes, irrigate in the evening and pause plucking at midday";
        if (run > 0) {
            String grade = run <= MILD_UP_TO ? "mild" : run <= MODERATE_UP_TO ? "moderate" : "severe";
            return String.format(Locale.ROOT, "tea heat injury, %s: the 14-day mean maximum is %s °C, 34.5 °C or more for %d day%s",
                    grade, WarningText.number(t14, 1), run, run == 1 ? "" : "s") + advice;
        }
        if (aheadDay.isPresent()) {
            return "tea heat injury likely from " + WarningText.day(aheadDay.get())
                    + ": at the last three days' heat the 14-day mean maximum reaches 34.5 °C" + advice;
        }
        return "high temperature " + cma.orElseThrow().label() + " signal: " + WarningText.number(today.celsius(), 1)
                + " °C today" + advice;
    }

    /** Mean of the 14 maxima ending before index {@code end} (exclusive). */
    private static double t14(List<DailyMaximum> days, int end) {
        return DailyMaximum.mean(days.subList(end - WINDOW, end));
    }

    private static Optional<LocalDate> projectedStart(List<DailyMaximum> days) {
        if (days.size() < WINDOW) {
            return Optional.empty();
        }
        for (int k = 1; k <= LOOK_AHEAD_DAYS; k++) {
            if (persistedT14(days, k) >= T14_THRESHOLD) {
                return Optional.of(days.get(days.size() - 1).date().plusDays(k));
            }
        }
        return Optional.empty();
    }

    /** T14 {@code k} days ahead when each coming day repeats the mean maximum of the last three. */
    private static double persistedT14(List<DailyMaximum> days, int k) {
        double persisted = DailyMaximum.mean(days.subList(days.size() - 3, days.size()));
        List<DailyMaximum> kept = days.subList(days.size() - WINDOW + k, days.size());
        return (DailyMaximum.mean(kept) * kept.size() + persisted * k) / WINDOW;
    }

    private static double standardError(List<DailyMaximum> window) {
        double mean = DailyMaximum.mean(window);
        double ss = window.stream().mapToDouble(d -> (d.celsius() - mean) * (d.celsius() - mean)).sum();
        return Math.sqrt(ss / (window.size() - 1)) / Math.sqrt(window.size());
    }

    private static Instant afternoon(LocalDate date, ZoneId zone) {
        return date.atTime(AFTERNOON).atZone(zone).toInstant();
    }
}
