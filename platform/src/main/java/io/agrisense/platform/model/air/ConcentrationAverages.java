package io.agrisense.platform.model.air;

import io.agrisense.platform.model.TimedValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The averages HJ 633-2012 indexes, each published only when its data are complete enough. GB 3095-2012 Table 4
 * (minimum validity of concentration data): a 1-h mean needs at least 45 minutes of sampling in the hour; a 24-h
 * mean at least 20 hourly means; an 8-h mean of O3 at least 6 hourly means of its 8 hours. HJ 663-2013: the daily
 * maximum 8-h O3 needs at least 14 valid 8-h means among those ending at 8:00..24:00 of the day, unless the maximum
 * found already exceeds the limit (160 ug/m3, GB 3095-2012 grade II). Days are civil days in the station's time zone.
 */
public final class ConcentrationAverages {

    public static final Duration MIN_SAMPLING_PER_HOUR = Duration.ofMinutes(45);
    public static final int MIN_HOURS_PER_DAY = 20;
    public static final int MIN_HOURS_PER_8H = 6;
    public static final int MIN_8H_MEANS_PER_DAY = 14;
    /** GB 3095-2012 Table 1, grade II, O3 daily maximum 8-h mean. */
    public static final double O3_8H_LIMIT = 160;

    private static final Duration HOUR = Duration.ofHours(1);

    private ConcentrationAverages() {
    }

    /**
     * The mean of one hour's samples, [hourStart, hourStart + 1 h). Sampling time is the number of distinct sample
     * times times the station's sampling interval, at most 60 minutes.
     */
    public static Average hourlyMean(List<TimedValue> samples, Instant hourStart, Duration sampleInterval) {
        if (sampleInterval.isNegative() || sampleInterval.isZero()) {
            throw new IllegalArgumentException("sampling interval " + sampleInterval + " must be positive");
        }
        Instant end = hourStart.plus(HOUR);
        Map<Instant, Double> distinct = new HashMap<>();
        for (TimedValue s : samples) {
            if (!s.time().isBefore(hourStart) && s.time().isBefore(end) && Double.isFinite(s.value())) {
                distinct.putIfAbsent(s.time(), s.value());
            }
        }
        Duration sampled = sampleInterval.multipliedBy(distinct.size());
        if (sampled.compareTo(HOUR) > 0) {
            sampled = HOUR;
        }
        int required = (int) Math.ceil((double) MIN_SAMPLING_PER_HOUR.toSeconds() / sampleInterval.toSeconds());
        if (sampled.compareTo(MIN_SAMPLING_PER_HOUR) < 0) {
            return new Average.Withheld(String.format(Locale.ROOT,
                    "1-h mean from %s has %d min of sampling; GB 3095-2012 Table 4 needs 45", hourStart,
                    sampled.toMinutes()), distinct.size(), required);
        }
        double mean = distinct.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Average.Published(mean, distinct.size(), "");
    }

    /** The 1-h mean of the hour ending at {@code end}, as a published or withheld average. */
    public static Average hour(HourlyMeans means, Instant end) {
        Double value = means.at(end.minus(HOUR));
        return value == null
                ? new Average.Withheld("no valid 1-h mean for the hour ending " + end, 0, 1)
                : new Average.Published(value, 1, "");
    }

    /** The 24-h moving mean of the 24 hours ending at {@code end}. */
    public static Average moving24h(HourlyMeans means, Instant end) {
        return window(means, end.minus(Duration.ofHours(24)), 24, MIN_HOURS_PER_DAY, "24-h mean to " + end);
    }

    /** The 8-h moving mean of the 8 hours ending at {@code end} (HJ 663-2013: hours X-7..X). */
    public static Average moving8h(HourlyMeans means, Instant end) {
        return window(means, end.minus(Duration.ofHours(8)), 8, MIN_HOURS_PER_8H, "8-h mean to " + end);
    }

    /** The 24-h mean of a civil day. */
    public static Average dailyMean(HourlyMeans means, LocalDate day, ZoneId zone) {
        Instant start = day.atStartOfDay(zone).toInstant();
        return window(means, start, hoursIn(day, zone), MIN_HOURS_PER_DAY, "24-h mean of " + day);
    }

    /**
     * The largest 1-h mean of a civil day. GB 3095-2012 sets no completeness rule for it; the 24-h rule is taken so
     * a day with a long gap does not report a maximum it may have missed.
     */
    public static Average dailyMax1h(HourlyMeans means, LocalDate day, ZoneId zone) {
        Instant start = day.atStartOfDay(zone).toInstant();
        int hours = hoursIn(day, zone);
        double max = Double.NEGATIVE_INFINITY;
        int valid = 0;
        for (int h = 0; h < hours; h++) {
            Double v = means.at(start.plus(Duration.ofHours(h)));
            if (v != null) {
                valid++;
                max = Math.max(max, v);
            }
        }
        if (valid < MIN_HOURS_PER_DAY) {
            return withheld("daily maximum 1-h mean of " + day, valid, MIN_HOURS_PER_DAY, "hourly means",
                    "the 24-h rule of GB 3095-2012 Table 4");
        }
        return new Average.Published(max, valid, "");
    }

    /** The daily maximum 8-h moving mean: the largest of the 8-h means ending at 8:00..24:00 local time. */
    public static Average dailyMax8h(HourlyMeans means, LocalDate day, ZoneId zone) {
        Instant start = day.atStartOfDay(zone).toInstant();
        int windows = hoursIn(day, zone) - 7;
        double max = Double.NEGATIVE_INFINITY;
        int valid = 0;
        for (int w = 0; w < windows; w++) {
            Average mean = window(means, start.plus(Duration.ofHours(w)), 8, MIN_HOURS_PER_8H, "");
            if (mean instanceof Average.Published p) {
                valid++;
                max = Math.max(max, p.value());
            }
        }
        if (valid >= MIN_8H_MEANS_PER_DAY) {
            return new Average.Published(max, valid, "");
        }
        if (valid > 0 && max > O3_8H_LIMIT) {
            return new Average.Published(max, valid, String.format(Locale.ROOT,
                    "only %d valid 8-h means, published because the maximum exceeds %s ug/m3 (HJ 663-2013)",
                    valid, O3_8H_LIMIT));
        }
        return withheld("daily maximum 8-h mean of " + day, valid, MIN_8H_MEANS_PER_DAY, "valid 8-h means",
                "HJ 663-2013");
    }

    private static Average window(HourlyMeans means, Instant start, int hours, int minValid, String what) {
        double sum = 0;
        int valid = 0;
        for (int h = 0; h < hours; h++) {
            Double v = means.at(start.plus(Duration.ofHours(h)));
            if (v != null) {
                sum += v;
                valid++;
            }
        }
        if (valid < minValid) {
            return withheld(what, valid, minValid, "hourly means", "GB 3095-2012 Table 4");
        }
        return new Average.Published(sum / valid, valid, "");
    }

    private static Average withheld(String what, int valid, int required, String of, String source) {
        return new Average.Withheld(String.format(Locale.ROOT, "%s needs at least %d %s (%s), has %d",
                what, required, of, source, valid), valid, required);
    }

    private static int hoursIn(LocalDate day, ZoneId zone) {
        return (int) Duration.between(day.atStartOfDay(zone), day.plusDays(1).atStartOfDay(zone)).toHours();
    }
}
